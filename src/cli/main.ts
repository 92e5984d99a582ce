import { runCli } from './run';

/**
 * A reader that goes away (`dora-assess score --json | head -1`, `| true`) is not an error: stop quietly,
 * as Unix tools do, instead of printing an EPIPE stack trace.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    fail(error);
  });
}

/** The last resort: any failure is one line on stderr and exit code 1, never a stack trace. */
function fail(error: unknown): void {
  try {
    process.stderr.write(`dora-assess: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    process.exit(1);
  }
}

quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  now: () => new Date(),
}).then((code) => {
  process.exitCode = code;
}, fail);
