import { formatProblem } from '../core/problems';
import type { MetricsResult } from '../core/metrics/result';
import { measureWithConfig } from '../config/measure';
import type { MeasureRequest } from '../config/measure';
import { isGitAnalysisError } from '../git/errors';
import { CliError } from './command';

/** Measures as the repository's config file says; an invalid file or a failed analysis exits 1 with its lines. */
export async function measureForCli(command: string, request: MeasureRequest): Promise<MetricsResult> {
  try {
    const measured = await measureWithConfig(request);
    if (measured.kind === 'invalid-config') throw new CliError(measured.problems.map(formatProblem).join('\n'), 1);
    return measured.result;
  } catch (error) {
    if (isGitAnalysisError(error)) throw new CliError(`dora-assess ${command}: ${error.message}`, 1);
    throw error;
  }
}
