import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { levelLabel } from '../../src/core/scoring/levels';
import type { Level } from '../../src/core/scoring/levels';
import { formatPercent } from '../../src/core/scoring/score';
import type { AssessmentScore, DomainScore } from '../../src/core/scoring/score';
import type { PanelActions } from './actions';
import { cssProperties } from './directives';

/**
 * Beside the questions: how complete the assessment is, and one row per domain with its completion, level and
 * bar. The two headline figures sit in the page header (figures.ts). Computed in the page from the same engine
 * as the report, so they always agree.
 */
export function summary(score: AssessmentScore, actions: PanelActions): TemplateResult {
  const unanswered = score.total - score.answered;
  return html`
    <section class="summary" aria-label="Progress">
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
