import { version } from '../../package.json';
import { commandHelp, parseCommandArgs } from './args';
import { CliError } from './command';
import type { CliIo } from './command';
import { COMMANDS } from './commands';

export const VERSION: string = version;

export function helpText(): string {
  const lines = [
    `dora-assess ${VERSION}: score DORA (and other framework) self-assessments from the terminal.`,
    '',
    'Usage:',
  ];
  for (const command of COMMANDS) lines.push(`  dora-assess ${command.usage}`, `      ${command.summary}`);
  lines.push(
    '  dora-assess help [command]',
    '      Show this help, or a command\'s options (also "dora-assess <command> --help").',
    '  dora-assess --version',
    '      Print the version.',
  );
  return lines.join('\n');
}

/**
 * Runs one CLI invocation. Errors become one line on stderr and a non-zero exit, never a stack trace.
 * Every line goes out with control characters escaped: titles and notes are other people's text, and an
 * escape sequence in one must not drive the reader's terminal.
 */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = {
    ...rawIo,
    out: (line) => rawIo.out(escapeControls(line)),
    err: (line) => rawIo.err(escapeControls(line)),
  };
  return run(argv, io);
}

/** C0 controls other than tab and line feed, DEL and the C1 controls, as visible `\u001b`-style escapes. */
export function escapeControls(line: string): string {
  return line.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(VERSION);
    return 0;
  }
  if (name === 'help' && rest[0] !== undefined) return run([rest[0], '--help'], io);
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
    const parsed = parseCommandArgs(command.name, rest, command.options, command.positionals);
    if (parsed.values['help'] === true) {
      io.out(commandHelp(command.usage, command.summary, command.options));
      return 0;
    }
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(`dora-assess ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
