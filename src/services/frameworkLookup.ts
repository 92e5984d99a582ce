import * as path from 'node:path';
import { formatProblem } from '../core/problems';
import { isFrameworkFile } from '../workspace/assessmentFiles';
import type { CatalogEntry } from '../frameworks/catalog';
import { listFiles } from '../store/listFiles';

/**
 * Why an assessment's framework id found nothing, in words that say what to do: trust the workspace, fix
 * the framework file that failed to load, or add the YAML / correct the id.
 */
export function describeLookupFailure(options: {
  id: string;
  entries: readonly CatalogEntry[];
  trusted: boolean;
  frameworksDir: string;
  /** True when the workspace has framework files that Restricted Mode held back. */
  heldBack: boolean;
}): string {
  const { id, entries, trusted, frameworksDir, heldBack } = options;
  const folder = path.basename(path.dirname(frameworksDir));
  if (!trusted && heldBack) {
    return `Framework "${id}" is not bundled, and the frameworks in ${folder}/frameworks/ are not loaded because this workspace is not trusted. Trust the workspace to open this assessment.`;
  }
  const broken = entries.filter((entry) => entry.source === 'workspace' && !entry.result.ok);
  const known = entries.flatMap((entry) => (entry.result.ok ? [entry.result.value.id] : []));
  const brokenNote = broken.length
    ? ` These framework files do not load and may be the one: ${broken.map((entry) => (entry.result.ok ? '' : `${path.basename(entry.file)} (${entry.result.problems.slice(0, 2).map(formatProblem).join('; ')})`)).join(', ')}.`
    : '';
  return `Framework "${id}" was not found (known: ${known.join(', ') || 'none'}).${brokenNote} Add its YAML as ${folder}/frameworks/${id}.yaml, or correct "framework.id" in the assessment file.`;
}

/** Whether a folder holds any framework file (a missing folder holds none). */
export async function hasFrameworkFiles(dir: string): Promise<boolean> {
  return (await listFiles(dir, isFrameworkFile)).files.length > 0;
}
