import { formatProblem } from '../core/problems';
import type { Ledger } from '../core/explain/ledger';
import type { MetricsResult } from '../core/metrics/result';
import { measureWithConfig } from '../config/measure';
import type { MeasureRequest } from '../config/measure';
import { isGitAnalysisError } from '../git/errors';
import { CliError } from './command';

/** Measures as the repository's config file says; an invalid file or a failed analysis exits 1 with its lines. */
export async function measureForCli(command: string, request: MeasureRequest): Promise<MetricsResult> {
  return (await explainForCli(command, request)).result;
}

/** The same, with the ledger when the request asks to explain. */
export async function explainForCli(
  command: string,
  request: MeasureRequest,
): Promise<{ result: MetricsResult; ledger?: Ledger }> {
  try {
    const measured = await measureWithConfig(request);
    if (measured.kind === 'invalid-config') throw new CliError(measured.problems.map(formatProblem).join('\n'), 1);
    return measured;
  } catch (error) {
    if (isGitAnalysisError(error)) throw new CliError(`dora-assess ${command}: ${error.message}`, 1);
    throw error;
  }
}
