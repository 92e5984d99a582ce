import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { GitView } from '../../src/core/protocol';
import { DEFAULT_BENCHMARK } from '../../src/core/quickcheck/benchmarks';
import {
  deliveryPerformance,
  DELIVERY_PERFORMANCE,
  PRACTICE_MATURITY,
  provisionalNote,
} from '../../src/core/quickcheck/figures';
import { quickCheckSuggestions } from '../../src/core/quickcheck/prefill';
import { quickCheckQuestion } from '../../src/core/quickcheck/questions';
import { scoreQuickCheck } from '../../src/core/quickcheck/score';
import { levelLabel } from '../../src/core/scoring/levels';
import { formatPercent } from '../../src/core/scoring/score';
import type { AssessmentScore } from '../../src/core/scoring/score';
import { scoreLine } from './format';
import { levelClass } from './summary';

/**
 * The two headline figures of a full assessment, on the page's one-line sticky header: practice maturity
 * (the questionnaire) and delivery performance (the key metrics git measured). They stay in view while the
 * questions scroll, and they are never merged into one number.
 */
export function pageFigures(score: AssessmentScore, git: GitView | undefined): TemplateResult {
  const note = provisionalNote(score);
  return html`<div class="page-figures">
    <p class="figure">
      <span class="figure-name" id="practice-maturity-name">${PRACTICE_MATURITY}</span>
      <span
        class="overall ${levelClass(score.level)}"
        data-testid="overall-score"
        role="status"
        aria-live="polite"
        aria-labelledby="practice-maturity-name"
        >${overall(score)}</span
      >
      ${note ? html`<span class="provisional" data-testid="maturity-provisional">${note}</span>` : nothing}
    </p>
    ${measuredDelivery(git)}
  </div>`;
}

/** Reads as one line ("62.5% · Level 4 High"); the level never breaks in two when the header is narrow. */
function overall(score: AssessmentScore): TemplateResult | string {
  if (score.percent === undefined || score.level === undefined) return scoreLine(score.percent, score.level);
  return html`<span class="overall-percent">${formatPercent(score.percent)}</span> ·
    <span class="overall-level">${levelLabel(score.level)}</span>`;
}

/**
 * Delivery performance, scored as DORA's Quick Check scores the key metrics git measured, so the practice
 * percentage is never read as the team's delivery performance. Nothing until git has measured something.
 */
function measuredDelivery(git: GitView | undefined): TemplateResult | typeof nothing {
  if (git?.kind !== 'ok') return nothing;
  const suggestions = quickCheckSuggestions(git.result);
  if (suggestions.length === 0) return nothing;
  const answers = Object.fromEntries(
    suggestions.map((s) => {
      const question = quickCheckQuestion(s.id);
      return [question.key, question.kind === 'band' ? { band: s.value } : { percent: s.value }];
    }),
  );
  const figure = deliveryPerformance(scoreQuickCheck(answers, DEFAULT_BENCHMARK));
  return html`<p
    class="figure delivery-figure"
    data-testid="delivery-performance"
    title="Measured from git, scored as DORA’s Quick Check${figure.provisional ? ` (${figure.provisional})` : ''}"
  >
    <span class="figure-name">${DELIVERY_PERFORMANCE}</span>
    <span class="overall">${figure.value}</span>
    <span class="provisional">from git${figure.provisional ? ` · ${figure.provisional}` : ''}</span>
  </p>`;
}
