import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { BENCHMARK_KEY } from '../../src/core/assessment/patch';
import { BENCHMARK_KINDS, benchmarkGroups, describeBenchmark, EDITIONS } from '../../src/core/quickcheck/benchmarks';
import type { BenchmarkChoice, BenchmarkKind, Edition } from '../../src/core/quickcheck/benchmarks';
import { DELIVERY_PERFORMANCE, provisionalNote } from '../../src/core/quickcheck/figures';
import { describePosition, formatOutOfTen } from '../../src/core/quickcheck/score';
import type { QuickCheckResult } from '../../src/core/quickcheck/score';
import { formatNumber } from '../../src/core/vocabulary/format';
import type { PanelActions } from './actions';
import { benchmarkChart } from './benchmarkChart';
import type { ChartRow } from './benchmarkChart';

const KIND_NAMES: Readonly<Record<BenchmarkKind, string>> = {
  industry: 'Industry',
  organizationSize: 'Organisation size',
};

/** The live result: delivery performance, throughput and instability, and the team against the benchmark. */
export function quickCheckResult(result: QuickCheckResult, actions: PanelActions): TemplateResult {
  const note = provisionalNote(result);
  const { benchmark } = result;
  const rows: ChartRow[] = [
    { label: 'Overall', score: result.overall, spread: benchmark.overall },
    ...result.metrics.filter((m) => m.inEdition).map((m) => ({ label: m.name, score: m.score, spread: m.benchmark })),
  ];
  return html`<section class="summary qc-result" aria-label="Delivery performance">
    <div class="overall" data-testid="delivery-performance" role="status" aria-live="polite" aria-atomic="true">
      <span class="figure-name">${DELIVERY_PERFORMANCE}</span>
      <span class="overall-percent">${formatOutOfTen(result.overall)}</span>
      ${note ? html`<span class="provisional">${note}</span>` : nothing}
    </div>
    <dl class="qc-groups">
      <dt>Throughput</dt>
      <dd data-testid="throughput">${formatOutOfTen(result.throughput)}${groupBenchmark(benchmark.throughput)}</dd>
      <dt>Instability <span class="muted">(lower is better)</span></dt>
      <dd data-testid="instability">${formatOutOfTen(result.instability)}${groupBenchmark(benchmark.instability)}</dd>
    </dl>
    ${
      result.overall !== undefined && result.overallPosition
        ? html`<p class="qc-position" data-testid="position">
            Overall ${describePosition(result.overallPosition, benchmark.overall)}, ${describeBenchmark(benchmark)}.
          </p>`
        : nothing
    }
    ${benchmarkPicker(benchmark.choice, actions)} ${benchmarkChart(rows, chartDescription(result))}
    <p class="qc-legend muted">
      <span class="legend-spread" aria-hidden="true"></span> mean ± 1 sd
      <span class="legend-mean" aria-hidden="true"></span> mean
      <span class="legend-team" aria-hidden="true"></span> your team · 10 is best
    </p>
    <p class="qc-source muted">
      Scores and benchmarks as in DORA’s Quick Check (dora.dev/quickcheck, data Apache-2.0; see NOTICE.md).
    </p>
  </section>`;
}

function groupBenchmark(spread: { mean: number; std: number } | null): TemplateResult | typeof nothing {
  if (!spread) return nothing;
  return html`<span class="muted qc-group-benchmark"
    >benchmark ${formatNumber(spread.mean)} ± ${formatNumber(spread.std)}</span
  >`;
}

function benchmarkPicker(choice: BenchmarkChoice, actions: PanelActions): TemplateResult {
  const choose = (next: BenchmarkChoice) =>
    actions.send({ type: 'setAnswer', questionId: BENCHMARK_KEY, benchmark: next });
  const groups = benchmarkGroups(choice.edition, choice.by);
  return html`<fieldset class="qc-benchmark">
    <legend>Compare with</legend>
    <label
      >Edition
      <select
        data-testid="benchmark-edition"
        @change=${(e: Event) => choose({ ...choice, edition: (e.currentTarget as HTMLSelectElement).value as Edition, group: 'all' })}
      >
        ${EDITIONS.map((edition) => html`<option value=${edition} ?selected=${edition === choice.edition}>${edition}</option>`)}
      </select>
    </label>
    <label
      >By
      <select
        data-testid="benchmark-kind"
        @change=${(e: Event) => choose({ ...choice, by: (e.currentTarget as HTMLSelectElement).value as BenchmarkKind, group: 'all' })}
      >
        ${BENCHMARK_KINDS.map((by) => html`<option value=${by} ?selected=${by === choice.by}>${KIND_NAMES[by]}</option>`)}
      </select>
    </label>
    <label class="qc-group"
      >Group
      <select
        data-testid="benchmark-group"
        @change=${(e: Event) => choose({ ...choice, group: (e.currentTarget as HTMLSelectElement).value })}
      >
        ${groups.map((group) => html`<option value=${group.id} ?selected=${group.id === choice.group}>${group.name}</option>`)}
      </select>
    </label>
  </fieldset>`;
}

function chartDescription(result: QuickCheckResult): string {
  const parts = result.metrics
    .filter((m) => m.inEdition && m.score !== undefined && m.benchmark)
    .map(
      (m) =>
        `${m.name} ${formatNumber(m.score ?? 0)} against ${formatNumber(m.benchmark?.mean ?? 0)} ± ${formatNumber(m.benchmark?.std ?? 0)}`,
    );
  return `Your scores against the ${describeBenchmark(result.benchmark)}, 0 to 10, 10 best. ${parts.join('; ') || 'Nothing answered yet.'}`;
}
