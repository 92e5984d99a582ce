import { stringify } from 'yaml';
import type { Framework } from '../../../src/core/framework/schema';

/** Builders keep fixtures readable: a test states only what matters to it. */
export interface DomainSpec {
  id: string;
  weight: number;
  questions: string[];
  metric?: Framework['domains'][number]['metric'];
}

export function guidance(prefix = 'Score') {
  const entry = (n: number) => ({ text: `${prefix} ${n} looks like this.` });
  return { 0: entry(0), 1: entry(1), 2: entry(2), 3: entry(3), 4: entry(4), 5: entry(5) };
}

export function frameworkObject(domains: DomainSpec[], id = 'test'): Record<string, unknown> {
  return {
    id,
    name: 'Test framework',
    version: '1.0.0',
    description: 'A framework built for a test.',
    domains: domains.map((d) => ({
      id: d.id,
      name: `Domain ${d.id}`,
      weight: d.weight,
      ...(d.metric ? { metric: d.metric } : {}),
      questions: d.questions.map((q) => ({
        id: q,
        text: `Question ${q}?`,
        help: `How to judge ${q}.`,
        guidance: guidance(),
      })),
    })),
  };
}

export function frameworkYaml(domains: DomainSpec[], id = 'test'): string {
  return stringify(frameworkObject(domains, id));
}

/** A fully typed framework, as the loader would return it (defaults applied). */
export function framework(domains: DomainSpec[], id = 'test'): Framework {
  return {
    id,
    name: 'Test framework',
    version: '1.0.0',
    description: 'A framework built for a test.',
    risks: [],
    monitoring: [],
    domains: domains.map((d) => ({
      id: d.id,
      name: `Domain ${d.id}`,
      weight: d.weight,
      metric: d.metric,
      questions: d.questions.map((q) => ({
        id: q,
        text: `Question ${q}?`,
        help: `How to judge ${q}.`,
        weight: 1,
        guidance: guidance(),
        recommendations: [],
      })),
    })),
  };
}

/** Two domains of unequal weight, enough to exercise weighting and renormalisation. */
export const TWO_DOMAINS: DomainSpec[] = [
  { id: 'flow', weight: 60, questions: ['f1', 'f2', 'f3'], metric: 'deploymentFrequency' },
  { id: 'care', weight: 40, questions: ['c1', 'c2'] },
];
