import * as path from 'node:path';
import type { Assessment } from '../core/assessment/schema';
import { inProcessParser } from '../services/assessmentParser';
import type { AssessmentParser } from '../services/assessmentParser';
import { readBounded } from '../store/boundedRead';
import { listFiles } from '../store/listFiles';
import { isListedAssessmentName } from '../workspace/assessmentFiles';

export interface AssessmentFile {
  readonly file: string;
  readonly assessment: Assessment;
}

/**
 * The assessment to compare with: the newest file in the same folder that assesses the same framework
 * and was last updated before this one. "Older" is read from the files' own `updatedAt`, not from file
 * times, which a clone or checkout resets. Files that are not assessments are passed over. Each file is
 * parsed by `parser` (a worker thread on the host), and only the chosen one comes back whole.
 */
export async function findPreviousAssessment(
  file: string,
  current: Assessment,
  parser: AssessmentParser = inProcessParser,
): Promise<AssessmentFile | undefined> {
  const dir = path.dirname(path.resolve(file));
  // Devices, pipes and sockets among the names are never opened (listFiles leaves them out).
  const { files } = await listFiles(dir, isListedAssessmentName);
  const candidates: { file: string; assessment: Pick<Assessment, 'framework' | 'updatedAt'> }[] = [];
  for (const candidate of files) {
    if (candidate === path.resolve(file)) continue;
    const read = await readBounded(candidate);
    if (read.kind !== 'bytes') continue;
    const parsed = await parser.header(candidate, read.bytes);
    if (parsed.ok) candidates.push({ file: candidate, assessment: parsed.header });
  }
  const chosen = choosePrevious(current, candidates);
  if (!chosen) return undefined;
  // Read again: the chosen file is the one compared with, whole, as it is now.
  const read = await readBounded(chosen.file);
  if (read.kind !== 'bytes') return undefined;
  const loaded = await parser.load(chosen.file, read.bytes);
  return loaded.ok ? { file: chosen.file, assessment: loaded.value } : undefined;
}

/** Of the candidates, the newest strictly older one of the same framework; ties go to the later file name. */
export function choosePrevious<
  T extends { readonly file: string; readonly assessment: Pick<Assessment, 'framework' | 'updatedAt'> },
>(current: Pick<Assessment, 'updatedAt' | 'framework'>, candidates: readonly T[]): T | undefined {
  const now = Date.parse(current.updatedAt);
  let best: T | undefined;
  let bestTime = -Infinity;
  for (const candidate of candidates) {
    if (candidate.assessment.framework.id !== current.framework.id) continue;
    const time = Date.parse(candidate.assessment.updatedAt);
    if (!(time < now)) continue;
    if (time > bestTime || (time === bestTime && best !== undefined && candidate.file > best.file)) {
      best = candidate;
      bestTime = time;
    }
  }
  return best;
}
