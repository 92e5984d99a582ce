import { parseArgs } from 'node:util';
import { CliError } from './command';

/** One option of a command: its type, an optional one-letter alias, and the line `--help` prints. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in help, e.g. "<path>" or "N". */
  readonly value?: string;
  readonly help: string;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** Every command answers these. */
export const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', short: 'h', help: 'Show this help.' } };

/**
 * Strict parsing through node:util's parseArgs: unknown options, a missing value and a value given to
 * a boolean are refused, so a typo never silently changes what a command does. Each refusal becomes one
 * line that names the option and where to look, exiting 2.
 */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  options: OptionSpecs,
  takesPositionals: boolean,
): ParsedArgs {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries({ ...options, ...HELP_OPTION }))
    config[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: config,
      strict: true,
      allowPositionals: true,
    });
    if (!takesPositionals && positionals.length > 0 && values['help'] !== true)
      throw new CliError(
        `dora-assess ${command} takes no file or argument (got "${positionals[0]}"); see "dora-assess ${command} --help"`,
      );
    return { positional: positionals, values };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`dora-assess ${command}: ${describeParseError(error)}; see "dora-assess ${command} --help"`);
  }
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /does not take an argument/.test(message) ? `${option} takes no value` : `${option} needs a value`;
  return message.split('\n')[0] ?? message;
}

export function flagString(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flagSet(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

/** `--help` for one command: what it does, its usage and one line per option. */
export function commandHelp(usage: string, summary: string, options: OptionSpecs): string {
  const rows = Object.entries({ ...options, ...HELP_OPTION }).map(([option, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    return [`  ${short}--${option}${spec.value ? ` ${spec.value}` : ''}`, spec.help] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `Usage: dora-assess ${usage}`,
    '',
    summary,
    '',
    'Options:',
    ...rows.map(([left, help]) => `${left.padEnd(width)}${help}`),
  ].join('\n');
}
