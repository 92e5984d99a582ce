import type { ProcessTracker } from './processes';

/**
 * Common entry for the runners: whatever happens (failure, exception, Ctrl+C, a closed stdout pipe),
 * the processes the run started are stopped before exiting.
 */
export function runMain(main: () => Promise<number>, tracker: ProcessTracker): void {
  // `runner | head` closes our stdout early; without this the next log line would kill us mid-run.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  tracker.installSignalHandlers();
  const fail = async (error: unknown): Promise<never> => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    const strays = await tracker.shutdown();
    if (strays.length > 0) console.error(`killed ${strays.length} leftover process(es)`);
    process.exit(1);
  };
  process.once('uncaughtException', (error) => void fail(error));
  main().then((code) => process.exit(code), fail);
}
