import { handleMain } from './errors.js';
import { forceExit } from './force-exit.js';
import { mainDeps, runMain } from './run-main.js';

await handleMain(() => runMain(mainDeps()));
await forceExit();
