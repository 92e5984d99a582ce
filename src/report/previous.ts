import * as path from 'node:path';
import { loadAssessment } from '../core/assessment/load';
import type { Assessment } from '../core/assessment/schema';
import { readBounded, textOf } from '../store/boundedRead';
import { listFiles } from '../store/listFiles';

export interface AssessmentFile {
  readonly file: string;
  readonly assessment: Assessment;
}

/**
 * The assessment to compare with: the newest file in the same folder that assesses the same framework
 * and was last updated before this one. "Older" is read from the files' own `updatedAt`, not from file
 * times, which a clone or checkout resets. Files that are not assessments are passed over.
 */
export async function findPreviousAssessment(file: string, current: Assessment): Promise<AssessmentFile | undefined> {
  const dir = path.dirname(path.resolve(file));
  // Devices, pipes and sockets among the names are never opened (listFiles leaves them out).
  const { files } = await listFiles(dir, (name) => name.toLowerCase().endsWith('.json') && !name.startsWith('.'));
  const candidates: AssessmentFile[] = [];
  for (const candidate of files) {
    if (candidate === path.resolve(file)) continue;
    const read = textOf(await readBounded(candidate));
    if (!read?.ok) continue;
    const loaded = loadAssessment(read.text, candidate);
    if (loaded.ok) candidates.push({ file: candidate, assessment: loaded.value });
  }
  return choosePrevious(current, candidates);
}

/** Of the candidates, the newest strictly older one of the same framework; ties go to the later file name. */
export function choosePrevious(current: Assessment, candidates: readonly AssessmentFile[]): AssessmentFile | undefined {
  const now = Date.parse(current.updatedAt);
  let best: AssessmentFile | undefined;
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
