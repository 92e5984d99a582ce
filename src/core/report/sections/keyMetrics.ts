import { levelLabel } from '../../scoring/levels';
import { formatPercent } from '../../vocabulary/format';
import { mdCell, mdLinkTarget } from '../escape';
import { BENCHMARK_EDITION } from '../keyMetrics';
import type { KeyMetric } from '../keyMetrics';
import { table } from '../markdown';
import { levelFor } from '../../scoring/levels';

/**
 * DORA's five key metrics side by side: what the answers say about the practices behind each one,
 * and what git measured. The two are different things and stay in different columns.
 */
export function keyMetricsSection(metrics: readonly KeyMetric[], chartFileName: string | undefined): string[] {
  const measured = metrics.some((m) => m.measured);
  const out = [
    '## Key metrics',
    '',
    `Answered: the practice maturity of the domains bound to the metric. Measured: the figure from git, placed in the ${BENCHMARK_EDITION}.`,
    '',
  ];
  const rows = metrics.map((m) => [
    m.name,
    answeredCell(m),
    m.measured ? `${mdCell(m.measured.value)}${m.measured.heuristic ? ' (estimate)' : ''}` : 'not measured',
    m.measured?.band ?? '—',
  ]);
  out.push(...table(['Key metric', 'Answered', 'Measured in git', 'DORA 2024 band'], rows), '');
  if (measured && chartFileName)
    out.push(`![Measured key metrics against the ${BENCHMARK_EDITION}](${mdLinkTarget(chartFileName)})`, '');
  return out;
}

function answeredCell(m: KeyMetric): string {
  if (m.domains.length === 0) return 'no question asks about it';
  const names = m.domains.map((d) => mdCell(d.domain.name)).join(', ');
  const completeness = `${m.answered} of ${m.total} answered`;
  if (m.percent === undefined) return `not scored (${names}, ${completeness})`;
  return `${formatPercent(m.percent)}, ${levelLabel(levelFor(m.percent))} (${names}, ${completeness})`;
}
