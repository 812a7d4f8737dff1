// bin/disbuild hands NODE_EXTRA_CA_CERTS over under another name so that Node's start does not parse it. Put it
// back before anything reads the environment or starts a process: jobs and the remote cache see it unchanged.
const handedOver = process.env.DISBUILD_NODE_EXTRA_CA_CERTS;
if (handedOver !== undefined) {
  process.env.NODE_EXTRA_CA_CERTS = handedOver;
  delete process.env.DISBUILD_NODE_EXTRA_CA_CERTS;
}
