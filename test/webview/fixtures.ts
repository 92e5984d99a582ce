/** Builders for the states the panel is tested in: the shipped DORA framework, answers, git figures. */
import * as path from 'node:path';
import type { Answer, Assessment } from '../../src/core/assessment/schema';
import { newAssessment } from '../../src/core/assessment/serialize';
import type { Framework } from '../../src/core/framework/schema';
import {
  changeFailureRule,
  deploymentMethod,
  leadTimeMethod,
  recoveryRule,
  reworkRule,
} from '../../src/core/metrics/describe';
import { metricsResultSchema } from '../../src/core/metrics/result';
import type { MetricsResult } from '../../src/core/metrics/result';
import { suggestionsFor } from '../../src/core/metrics/suggestions';
import type { DocumentView, GitView, PanelState, ProblemView } from '../../src/core/protocol';
import { panelStateSchema } from '../../src/core/protocol';
import { loadFrameworkFile } from '../../src/frameworks/catalog';
import { ROOT } from './harness/site';

let dora: Framework | undefined;

export function doraFramework(): Framework {
  if (!dora) {
    const loaded = loadFrameworkFile(path.join(ROOT, 'frameworks', 'dora.yaml'));
    if (!loaded.ok)
      throw new Error(`frameworks/dora.yaml does not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
    dora = loaded.value;
  }
  return dora;
}

export function assessment(answers: Record<string, Answer> = {}, framework: Framework = doraFramework()): Assessment {
  return {
    ...newAssessment({
      framework,
      title: 'Checkout team, Q4',
      team: 'Checkout',
      now: new Date('2026-11-20T09:00:00Z'),
    }),
    answers,
  };
}

export function loaded(
  value: Assessment = assessment(),
  framework: Framework = doraFramework(),
  warnings: ProblemView[] = [],
): DocumentView {
  return { kind: 'loaded', framework, assessment: value, warnings };
}

/** Figures as the git analysis reports them for a team tagging releases `v*`: 23 deployments in 90 days. */
export function metrics(framework: Framework = doraFramework()): MetricsResult {
  const base: MetricsResult = {
    repository: 'checkout-service',
    window: { since: '2026-08-22T00:00:00Z', until: '2026-11-20T00:00:00Z', days: 90 },
    deployments: {
      count: 23,
      perWeek: 1.79,
      deployDaysPerWeek: 1.56,
      band: 'High',
      source: 'tags',
      pattern: '^v\\d+\\.\\d+\\.\\d+$',
      method: deploymentMethod({
        source: 'tags',
        pattern: '^v\\d+\\.\\d+\\.\\d+$',
        defaultBranch: 'main',
        fallback: false,
      }),
    },
    leadTime: {
      commits: 412,
      medianHours: 19,
      p90Hours: 52.5,
      band: 'High',
      clock: 'committer',
      method: leadTimeMethod('committer'),
    },
    changeFailure: {
      heuristic: true,
      rule: changeFailureRule('tags', 7, 'hotfix|fix'),
      deployments: 23,
      failed: 2,
      percent: 8.7,
      band: 'High',
    },
    recovery: { heuristic: true, rule: recoveryRule(), incidents: 2, medianHours: 5.5, band: 'High' },
    rework: { heuristic: true, rule: reworkRule(), deployments: 23, rework: 3, percent: 13.04 },
    suggestions: [],
    warnings: ['3 commits have an author date after their commit date; their lead time uses the committer date.'],
  };
  return metricsResultSchema.parse({ ...base, suggestions: suggestionsFor(framework, base) });
}

export function gitOk(result: MetricsResult = metrics()): GitView {
  return { kind: 'ok', result };
}

export function state(document: DocumentView = loaded(), git: GitView = { kind: 'loading' }, revision = 3): PanelState {
  return panelStateSchema.parse({
    revision,
    uri: 'file:///work/checkout/assessments/q4.dora.json',
    fileName: 'assessments/q4.dora.json',
    document,
    git,
  });
}

/** Answers for the first `count` questions of the framework, cycling through the scores 1..5. */
export function answered(count: number, framework: Framework = doraFramework()): Record<string, Answer> {
  const ids = framework.domains.flatMap((d) => d.questions.map((q) => q.id)).slice(0, count);
  return Object.fromEntries(ids.map((id, i) => [id, { score: (i % 5) + 1 }]));
}

export function questionIds(framework: Framework = doraFramework()): string[] {
  return framework.domains.flatMap((d) => d.questions.map((q) => q.id));
}
