/**
 * Ends the step now. The toolkit's HTTP clients (and a coordinator's keep-alive sockets) can leave handles open
 * that would keep node alive long after the work is done; the exit code set by `core.setFailed` is kept.
 */
export function forceExit(): never {
  process.exit();
}
