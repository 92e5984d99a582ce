import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadAssessment } from '../../src/core/assessment/load';
import type { Assessment } from '../../src/core/assessment/schema';
import { loadFramework } from '../../src/core/framework/load';
import type { Framework } from '../../src/core/framework/schema';
import { formatPercent, scoreAssessment } from '../../src/core/scoring/score';
import { repoRoot } from '../runners/lib/paths';

/** The shipped DORA framework, read with the project's own loader: the e2e takes ids and names from it. */
export function shippedFramework(id: string): Framework {
  const file = path.join(repoRoot, 'frameworks', `${id}.yaml`);
  const loaded = loadFramework(fs.readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${JSON.stringify(loaded.problems)}`);
  return loaded.value;
}

export function questionIds(framework: Framework): string[] {
  return framework.domains.flatMap((domain) => domain.questions.map((question) => question.id));
}

export function readAssessment(file: string): Assessment {
  const loaded = loadAssessment(fs.readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${JSON.stringify(loaded.problems)}`);
  return loaded.value;
}

/** The overall percentage the scoring engine gives the file on disk, as the panel writes it. */
export function expectedOverall(framework: Framework, file: string): string {
  const score = scoreAssessment(framework, readAssessment(file));
  if (score.percent === undefined) throw new Error(`${file} has no score yet`);
  return formatPercent(score.percent);
}

export function scoresOf(file: string, ids: readonly string[]): Record<string, number | undefined> {
  const answers = readAssessment(file).answers;
  return Object.fromEntries(ids.map((id) => [id, answers[id]?.score]));
}

/** Rewrites answers.<id>.score in the file as a person editing it would (plain JSON, two-space indent). */
export function setScoreOnDisk(file: string, id: string, score: number): void {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { answers: Record<string, { score?: number }> };
  json.answers[id] = { ...json.answers[id], score };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
