import tseslint from 'typescript-eslint';

const actionsOnly = {
  patterns: [
    {
      group: ['@actions/*'],
      message: '@actions/* belongs in src/action/, the github cache backend and the github reporter only.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench-work/'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/action/**', 'src/cache/github-actions-cache.ts', 'src/report/github-reporter.ts'],
    rules: { 'no-restricted-imports': ['error', actionsOnly] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
