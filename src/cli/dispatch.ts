import type { CliIo, Command } from './io.js';
import { EXIT } from './io.js';

/** Sub-commands are loaded on demand so that a fast command never pays for a slow one's imports. */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {};

/** Registers a sub-command; each lives in src/cli/commands/<name>.ts. */
function register(name: string, summary: string, load: () => Promise<Command>): void {
  commands[name] = { summary, load };
}

register('run', 'run a build graph with caching', async () => (await import('./commands/run.js')).run);
register('ids', "print every job's content key", async () => (await import('./commands/ids.js')).ids);
register(
  'graph',
  "print the graph disbuild.json's tasks compile to",
  async () => (await import('./commands/graph.js')).graph,
);
register(
  'import',
  'write disbuild.json from turbo.json',
  async () => (await import('./commands/import.js')).importCommand,
);
register(
  'explain',
  'say why each job that would run must run',
  async () => (await import('./commands/explain.js')).explainCommand,
);
register('cache', 'manage the local cache (prune)', async () => (await import('./commands/cache.js')).cache);
register(
  'hook',
  'install, uninstall or run the pre-push git hook',
  async () => (await import('./commands/hook.js')).hook,
);
register(
  'coordinator',
  'speak the Start/Finish protocol from inside a job',
  async () => (await import('./commands/coordinator.js')).coordinator,
);

export function usage(): string {
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(12)} ${c.summary}`);
  return `Usage: disbuild <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'disbuild <command> --help' for a command's options.\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`disbuild: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return EXIT.usage;
  }
  return (await command.load())(rest, io);
}
