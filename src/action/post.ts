import { handlePost } from './errors.js';
import { forceExit } from './force-exit.js';
import { postDeps, runPost } from './run-post.js';

await handlePost(() => runPost(postDeps()));
await forceExit();
