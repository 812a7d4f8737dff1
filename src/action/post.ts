import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { handlePostError } from './errors.js';

// Removes the cache transfer directory from the workspace, should main have been cut short.
try {
  await rm(join(process.env.GITHUB_WORKSPACE ?? process.cwd(), '.disbuild-cache'), {
    recursive: true,
    force: true,
  });
} catch (e) {
  handlePostError(e);
}
process.exit();
