import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Starts the proxy module at `moduleUrl` as a process of its own (`node --import tsx <module> ...args`) and answers
 * the URL it prints on its first line. A process of its own: the benchmark blocks in `execFileSync` while it times
 * a run, and a proxy on its event loop would hold every byte until the run gave up.
 */
export async function startProxyProcess(
  moduleUrl: string,
  args: string[],
): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(moduleUrl), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', () => reject(new Error(`${fileURLToPath(moduleUrl)} did not start`)));
  });
  return { url, stop: () => void child.kill() };
}
