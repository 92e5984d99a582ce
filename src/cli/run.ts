import { CliError } from './command';
import type { CliIo } from './command';
import { COMMANDS } from './commands';

export function helpText(): string {
  const lines = ['dora-assess: score DORA (and other framework) self-assessments from the terminal.', '', 'Usage:'];
  for (const command of COMMANDS) lines.push(`  dora-assess ${command.usage}`, `      ${command.summary}`);
  lines.push('  dora-assess help', '      Show this help.');
  return lines.join('\n');
}

/** Runs one CLI invocation. Errors become one line on stderr and a non-zero exit, never a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`dora-assess: unknown command "${name}"; run "dora-assess help" for the list`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(`dora-assess ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
