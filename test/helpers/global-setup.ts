import { spawnSync } from 'node:child_process';
import { buildInputsDigest, builtDigest } from '../../scripts/build-inputs.mjs';

/**
 * Integration tests spawn the bundled CLI and Action, so they are built before any test starts, unless dist/ was
 * built from the sources as they are (the build records their digest). A failed build does not stop unit tests
 * from running; the integration tests then fail loudly on their own, and CI's separate `npm run build` step fails too.
 */
export default function setup(): void {
  if (process.env.DISBUILD_SKIP_BUILD === '1') return;
  if (builtDigest() === buildInputsDigest()) return;
  const r = spawnSync('npm', ['run', '-s', 'build'], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(
      `\n*** npm run build failed; integration tests will fail ***\n${r.stdout}${r.stderr}\n`,
    );
  }
}
