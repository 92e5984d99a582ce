import type { OptionSpecs, ParsedArgs } from './args';

/** A CLI sub-command. `run` returns the exit code; it writes through `io` so tests can capture output. */
export interface CliCommand {
  readonly name: string;
  /** After "dora-assess": the command, its arguments and its main options. */
  readonly usage: string;
  readonly summary: string;
  readonly options: OptionSpecs;
  /** Whether the command takes files or other arguments besides options. */
  readonly positionals: boolean;
  run(args: ParsedArgs, io: CliIo): number | Promise<number>;
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readonly cwd: string;
  readonly now: () => Date;
}

/** Thrown for bad usage or input; main prints its message as one line, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
