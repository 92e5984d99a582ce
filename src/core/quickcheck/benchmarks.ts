import * as z from 'zod/mini';
import industry2024 from './data/industry_2024.json';
import industry2025 from './data/industry_2025.json';
import organizationSize2024 from './data/organization_size_2024.json';
import organizationSize2025 from './data/organization_size_2025.json';
import { described } from '../framework/schema';
import type { MetricId } from '../vocabulary/metrics';

/**
 * DORA's Quick Check benchmarks (dora-team/dora.dev, svelte/quick-check/src/lib/data/, Apache-2.0; see
 * NOTICE.md). The JSON files are shipped unchanged; this module reads them into one orientation, where a
 * higher score is always better, so the rest of the code never has to remember which way a figure runs.
 */

export const EDITIONS = ['2025', '2024'] as const;
export type Edition = (typeof EDITIONS)[number];
export const BENCHMARK_KINDS = ['industry', 'organizationSize'] as const;
export type BenchmarkKind = (typeof BENCHMARK_KINDS)[number];

export const benchmarkChoiceSchema = z.strictObject({
  edition: z.enum(EDITIONS),
  by: z.enum(BENCHMARK_KINDS),
  group: described(
    z.string().check(z.minLength(1)),
    'A key of the benchmark file, e.g. "all", "technology", "fewer_than_100".',
  ),
});
export type BenchmarkChoice = z.infer<typeof benchmarkChoiceSchema>;

/** What a newcomer sees until they choose: the 2025 edition, all industries. */
export const DEFAULT_BENCHMARK: BenchmarkChoice = { edition: '2025', by: 'industry', group: 'all' };

export interface Spread {
  readonly mean: number;
  readonly std: number;
}

export interface Benchmark {
  readonly choice: BenchmarkChoice;
  /** The group's name as DORA gives it: "All industries", "20 to 99 employees". */
  readonly name: string;
  /** Per metric on the 0–10 scale, higher is better; absent for rework rate in 2024 (not surveyed). */
  readonly metrics: Readonly<Partial<Record<MetricId, Spread>>>;
  /** Mean of the metric means, as the Quick Check recomputes it; sd as published. */
  readonly overall: Spread;
  /** 2025 only. Higher is better. */
  readonly throughput: Spread | null;
  /** 2025 only. Instability's own orientation: higher is worse. */
  readonly instability: Spread | null;
}

/** DORA's keys for the five metrics in the data files. */
export const DORA_KEYS: Readonly<Record<MetricId, string>> = {
  leadTime: 'leadtime',
  deploymentFrequency: 'deployfreq',
  recoveryTime: 'failurerecovery',
  changeFailureRate: 'changefailure',
  reworkRate: 'rework',
};

/** The metrics each edition surveyed, in the order the Quick Check asks them. */
export const EDITION_METRICS: Readonly<Record<Edition, readonly MetricId[]>> = {
  '2025': ['leadTime', 'deploymentFrequency', 'recoveryTime', 'changeFailureRate', 'reworkRate'],
  '2024': ['leadTime', 'deploymentFrequency', 'recoveryTime', 'changeFailureRate'],
};

const spreadSchema = z.object({ mean: z.number(), std: z.number().check(z.minimum(0)) });
const groupSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  performance_average: spreadSchema,
  software_delivery_throughput: z.optional(spreadSchema),
  software_delivery_instability: z.optional(spreadSchema),
  leadtime: spreadSchema,
  deployfreq: spreadSchema,
  failurerecovery: spreadSchema,
  changefailure: spreadSchema,
  rework: z.optional(spreadSchema),
});
const fileSchema = z.record(z.string(), groupSchema);
type Group = z.infer<typeof groupSchema>;

const FILES: Readonly<Record<Edition, Record<BenchmarkKind, Record<string, Group>>>> = {
  '2025': { industry: fileSchema.parse(industry2025), organizationSize: fileSchema.parse(organizationSize2025) },
  '2024': { industry: fileSchema.parse(industry2024), organizationSize: fileSchema.parse(organizationSize2024) },
};

/**
 * Figures stored "higher is worse". The Quick Check flips change failure and rework; the 2025
 * organisation-size file also stores recovery time that way (its "all" row reads 2.6 where the industry
 * file reads 7.4, and only 10 − 2.6 makes its throughput mean agree with its three throughput metrics).
 */
function storedHigherIsWorse(edition: Edition, by: BenchmarkKind, id: MetricId): boolean {
  if (id === 'changeFailureRate' || id === 'reworkRate') return true;
  return id === 'recoveryTime' && edition === '2025' && by === 'organizationSize';
}

/** The groups of one benchmark, "all" first, in the file's order: for a picker. */
export function benchmarkGroups(edition: Edition, by: BenchmarkKind): { id: string; name: string }[] {
  return Object.entries(FILES[edition][by]).map(([id, group]) => ({ id, name: group.name }));
}

/** The benchmark chosen, or undefined when the group is not in that edition's file (e.g. a 2024 key in 2025). */
export function benchmarkFor(choice: BenchmarkChoice): Benchmark | undefined {
  const group = FILES[choice.edition][choice.by][choice.group];
  if (!group) return undefined;
  const metrics: Partial<Record<MetricId, Spread>> = {};
  for (const id of EDITION_METRICS[choice.edition]) {
    const stored = group[DORA_KEYS[id]] as Spread | undefined;
    if (!stored) continue;
    const flip = storedHigherIsWorse(choice.edition, choice.by, id);
    metrics[id] = { mean: round1(flip ? 10 - stored.mean : stored.mean), std: stored.std };
  }
  const means = Object.values(metrics).map((spread) => spread.mean);
  return {
    choice,
    name: group.name,
    metrics,
    overall: { mean: means.reduce((a, b) => a + b, 0) / means.length, std: group.performance_average.std },
    throughput: group.software_delivery_throughput ?? null,
    instability: group.software_delivery_instability ?? null,
  };
}

/** The benchmark chosen, or its edition's "all" when the group is not in that edition, as DORA's page does. */
export function resolveBenchmark(choice: BenchmarkChoice): Benchmark {
  const benchmark = benchmarkFor(choice) ?? benchmarkFor({ ...choice, group: 'all' });
  if (!benchmark) throw new Error(`the ${choice.edition} ${choice.by} benchmark has no "all" group`);
  return benchmark;
}

/** "2025 benchmark, All industries" — how every surface names the comparison. */
export function describeBenchmark(benchmark: Benchmark): string {
  return `${benchmark.choice.edition} benchmark, ${benchmark.name}`;
}

/** Removes floating-point residue from a flip (10 − 7.4 = 2.5999…), never real precision. */
function round1(value: number): number {
  return Math.round(value * 1000) / 1000;
}
