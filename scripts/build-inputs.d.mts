// Types of build-inputs.mjs for the tests' global setup (the build scripts are plain JavaScript).
export const digestFile: string;
export function buildInputsDigest(): string;
export function builtDigest(): string | undefined;
