/**
 * A CLI sub-command. `run` returns the exit code (or a promise of it, for commands that wait on git);
 * it writes through `io` so tests can capture output.
 */
export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): number | Promise<number>;
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
