import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Integration tests spawn the bundled CLI, so it must exist and be fresh before any test starts. */
export default function setup(): void {
  if (process.env.DISBUILD_SKIP_BUILD === '1' && existsSync('dist/cli/index.js')) return;
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
}
