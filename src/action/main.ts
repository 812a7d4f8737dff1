import * as core from '@actions/core';
import { describeMainError } from './errors.js';
import { runMain } from './run-main.js';

let failure: string | undefined;
try {
  if (!(await runMain())) failure = 'disbuild: some jobs failed (see the summary)';
} catch (e) {
  failure = describeMainError(e);
}
if (failure !== undefined) core.setFailed(failure);
// The toolkit's HTTP clients can leave handles open; the step is over.
process.exit();
