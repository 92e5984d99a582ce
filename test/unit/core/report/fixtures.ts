import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadAssessment } from '../../../../src/core/assessment/load';
import type { Assessment } from '../../../../src/core/assessment/schema';
import { loadFramework } from '../../../../src/core/framework/load';
import type { Framework } from '../../../../src/core/framework/schema';
import { formatProblem } from '../../../../src/core/problems';
import { metricsResultSchema } from '../../../../src/core/metrics/result';
import type { MetricsResult } from '../../../../src/core/metrics/result';

export const ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'report');

/** Loads through the real loaders, so fixtures are held to the same rules as users' files. */
export function frameworkFile(file: string): Framework {
  const result = loadFramework(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

export function assessmentFile(file: string): Assessment {
  const result = loadAssessment(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

export const fixtureFramework = (): Framework => frameworkFile(path.join(FIXTURES, 'framework.yaml'));
export const fixtureAssessment = (name: string): Assessment => assessmentFile(path.join(FIXTURES, `${name}.json`));
export const fixtureMetrics = (): MetricsResult =>
  metricsResultSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, 'metrics.json'), 'utf8')));

export const doraFramework = (): Framework => frameworkFile(path.join(ROOT, 'frameworks', 'dora.yaml'));
export const exampleAssessment = (): Assessment =>
  assessmentFile(path.join(ROOT, 'media', 'example', 'assessment.json'));

/** An assessment with just these answers, dated so the report date is `date`. */
export function assessmentWith(
  answers: Assessment['answers'],
  options: { date?: string; framework?: Framework; title?: string } = {},
): Assessment {
  const date = options.date ?? '2026-11-20';
  return {
    version: 1,
    framework: { id: options.framework?.id ?? 'report-fixture', version: options.framework?.version ?? '1.0.0' },
    title: options.title ?? 'Test assessment',
    createdAt: `${date}T09:00:00Z`,
    updatedAt: `${date}T17:00:00Z`,
    answers,
  };
}
