import * as path from 'node:path';
import { loadAssessment } from '../core/assessment/load';
import type { Assessment } from '../core/assessment/schema';
import type { Framework } from '../core/framework/schema';
import { formatProblem } from '../core/problems';
import {
  bundledFrameworksDir,
  findInCatalog,
  loadCatalog,
  loadFrameworkFile,
  readTextFile,
} from '../frameworks/catalog';
import type { CatalogEntry } from '../frameworks/catalog';
import { CliError } from './command';

/** Bundled frameworks, then those in the `frameworks/` folder beside the assessment (i.e. `.dora/frameworks/`). */
export function catalogFor(assessmentDir?: string): CatalogEntry[] {
  const dirs: Array<{ dir: string; source: CatalogEntry['source'] }> = [
    { dir: bundledFrameworksDir(), source: 'bundled' },
  ];
  if (assessmentDir) dirs.push({ dir: path.join(assessmentDir, 'frameworks'), source: 'workspace' });
  return loadCatalog(dirs);
}

export function readAssessment(file: string): Assessment {
  const read = readTextFile(file);
  if (!read.ok) throw new CliError(formatProblem(read.problem), 1);
  const result = loadAssessment(read.text, file);
  if (!result.ok) throw new CliError(result.problems.map(formatProblem).join('\n'), 1);
  return result.value;
}

/** The framework an assessment names: `--framework-file` if given, else by id from the catalogue. */
export function frameworkFor(assessment: Assessment, assessmentFile: string, frameworkFile?: string): Framework {
  if (frameworkFile) {
    const result = loadFrameworkFile(frameworkFile);
    if (!result.ok) throw new CliError(result.problems.map(formatProblem).join('\n'), 1);
    return result.value;
  }
  const catalog = catalogFor(path.dirname(path.resolve(assessmentFile)));
  const framework = findInCatalog(catalog, assessment.framework.id);
  if (!framework) {
    const known = catalog
      .filter((e) => e.result.ok)
      .map((e) => (e.result.ok ? e.result.value.id : ''))
      .join(', ');
    throw new CliError(
      `${assessmentFile}: framework "${assessment.framework.id}" not found (known: ${known}); add its YAML to .dora/frameworks/ or pass --framework-file`,
      1,
    );
  }
  return framework;
}
