import { describeBenchmark } from '../../core/quickcheck/benchmarks';
import { deliveryPerformance, figureLine } from '../../core/quickcheck/figures';
import { describePosition, formatOutOfTen } from '../../core/quickcheck/score';
import type { QuickCheckResult } from '../../core/quickcheck/score';
import { formatNumber } from '../../core/vocabulary/format';

/** `dora-assess score` of a Quick Check: delivery performance, its two groups and each metric against the benchmark. */
export function quickCheckLines(title: string, result: QuickCheckResult): string[] {
  const figure = deliveryPerformance(result);
  const lines = [
    `${title} (DORA Quick Check, compared with the ${describeBenchmark(result.benchmark)})`,
    figureLine(figure),
    `Throughput: ${formatOutOfTen(result.throughput)}   Instability (lower is better): ${formatOutOfTen(result.instability)}`,
    '',
  ];
  const width = Math.max(...result.metrics.map((m) => m.name.length));
  for (const m of result.metrics) {
    const against = !m.inEdition
      ? `not in the ${result.benchmark.choice.edition} benchmark`
      : m.position && m.benchmark
        ? describePosition(m.position, m.benchmark)
        : '';
    const cluster = m.cluster2024 ? `  DORA 2024 cluster: ${m.cluster2024}` : '';
    lines.push(
      `  ${m.name.padEnd(width)}  ${formatOutOfTen(m.score).padStart(8)}  ${(m.answerText ?? 'not answered').padEnd(22)} ${against}${cluster}`,
    );
  }
  return lines;
}

export function quickCheckJson(result: QuickCheckResult) {
  const spread = (s: { mean: number; std: number } | null | undefined) =>
    s ? { mean: Number(formatNumber(s.mean, 3)), std: s.std } : null;
  return {
    kind: 'quickCheck',
    deliveryPerformance: result.overall ?? null,
    provisional: result.provisional,
    completeness: { answered: result.answered, total: result.total },
    throughput: result.throughput ?? null,
    instability: result.instability ?? null,
    benchmark: {
      ...result.benchmark.choice,
      name: result.benchmark.name,
      overall: spread(result.benchmark.overall),
      throughput: spread(result.benchmark.throughput),
      instability: spread(result.benchmark.instability),
    },
    metrics: result.metrics.map((m) => ({
      id: m.key,
      name: m.name,
      group: m.group,
      answer: m.answer ?? null,
      answerText: m.answerText ?? null,
      score: m.score ?? null,
      benchmark: spread(m.benchmark),
      position: m.position ?? null,
      cluster2024: m.cluster2024 ?? null,
      inEdition: m.inEdition,
    })),
  };
}
