// Types of commonjs.mjs for the tests (the build scripts are plain JavaScript).
export function toCommonJs(text: string, name: string): string;
export function programsToCommonJs(dir: string, names: string[]): void;
