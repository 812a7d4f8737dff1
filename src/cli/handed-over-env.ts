// bin/disbuild hands NODE_EXTRA_CA_CERTS over under another name so that Node's start does not parse it. Put it
// back before anything reads the environment or starts a process: jobs and the remote cache see it unchanged.
import { HANDED_OVER_CA_CERTS } from '../util/extra-ca-certs.js';

const handedOver = process.env[HANDED_OVER_CA_CERTS];
if (handedOver !== undefined) {
  process.env.NODE_EXTRA_CA_CERTS = handedOver;
  delete process.env[HANDED_OVER_CA_CERTS];
}
