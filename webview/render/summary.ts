import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { levelLabel } from '../../src/core/scoring/levels';
import type { Level } from '../../src/core/scoring/levels';
import { formatPercent } from '../../src/core/scoring/score';
import type { AssessmentScore, DomainScore } from '../../src/core/scoring/score';
import type { PanelActions } from './actions';
import { cssProperties } from './directives';
import { scoreLine } from './format';
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

/**
 * The live summary: overall score and level, how complete the assessment is, and one row per domain with its
 * completion, level and bar. Computed in the page from the same engine as the report, so they always agree.
 */
export function summary(score: AssessmentScore, actions: PanelActions, git?: GitView): TemplateResult {
  const unanswered = score.total - score.answered;
  const note = provisionalNote(score);
  return html`
    <section class="summary" aria-label=${PRACTICE_MATURITY}>
      <span class="figure-name" id="practice-maturity-name">${PRACTICE_MATURITY}</span>
      <div
        class="overall ${levelClass(score.level)}"
        data-testid="overall-score"
        role="status"
        aria-live="polite"
        aria-labelledby="practice-maturity-name"
      >
        ${overall(score)}
      </div>
      ${note ? html`<span class="provisional" data-testid="maturity-provisional">${note}</span>` : nothing}
      ${measuredDelivery(git)}
      <div class="completeness">
        ${bar(score.total === 0 ? 0 : (score.answered / score.total) * 100, 'completion')}
        <span
          >${score.answered} of ${score.total}
          answered${score.unknown > 0 ? html` · ${score.unknown} not applicable` : nothing}${unanswered > 0 ? html` · ${unanswered} to go` : nothing}</span
        >
      </div>
    </section>
    <nav class="domains" aria-label="Domains">
      <ol>
        ${score.domains.map((domain) => domainRow(domain, actions))}
      </ol>
    </nav>
  `;
}

/**
 * The other figure: delivery performance, scored as DORA's Quick Check scores the key metrics git measured,
 * so the practice percentage is never read as the team's delivery performance.
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
  return html`<p class="delivery-figure" data-testid="delivery-performance">
    <span class="figure-name">${DELIVERY_PERFORMANCE}</span>
    <span class="overall-percent">${figure.value}</span>
    <span class="muted"
      >measured from git, scored as DORA’s Quick Check${figure.provisional ? ` (${figure.provisional})` : ''}</span
    >
  </p>`;
}

/** Reads as one line ("62.5% · Level 4 High"); the level never breaks in two when the sidebar is narrow. */
function overall(score: AssessmentScore): TemplateResult | string {
  if (score.percent === undefined || score.level === undefined) return scoreLine(score.percent, score.level);
  return html`<span class="overall-percent">${formatPercent(score.percent)}</span> ·
    <span class="overall-level">${levelLabel(score.level)}</span>`;
}

function domainRow(domain: DomainScore, actions: PanelActions): TemplateResult {
  const first = domain.questions.find((q) => q.score === undefined) ?? domain.questions[0];
  const level = domain.level ? levelLabel(domain.level) : 'not scored';
  const label = `${domain.name}: ${domain.answered} of ${domain.total} answered, ${domain.percent === undefined ? 'not scored' : `${formatPercent(domain.percent)}, ${level}`}`;
  return html`
    <li>
      <button
        class="domain-row"
        aria-label=${label}
        title="Go to ${domain.name}"
        @click=${() => first && actions.focusQuestion(first.questionId)}
      >
        <span class="domain-name">${domain.name}</span>
        <span class="domain-completion ${domain.answered === domain.total ? 'complete' : ''}"
          >${domain.answered}/${domain.total}</span
        >
        <span class="domain-level ${levelClass(domain.level)}"
          >${domain.percent === undefined ? '—' : `${formatPercent(domain.percent)} · ${domain.level ? `L${domain.level.level} ${domain.level.name}` : ''}`}</span
        >
        ${bar(domain.percent ?? 0, levelClass(domain.level))}
      </button>
    </li>
  `;
}

function bar(percent: number, variant: string): TemplateResult {
  const clamped = Math.max(0, Math.min(100, percent));
  return html`<span class="bar ${variant}" aria-hidden="true"
    ><span class="bar-fill" ${cssProperties({ '--fill': `${clamped}%` })}></span
  ></span>`;
}

/** Levels get a class each so the theme's chart colours tell them apart; the text always says the level too. */
export function levelClass(level: Level | undefined): string {
  return level ? `level-${level.level}` : 'level-none';
}
