import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Answer, Evidence } from '../../src/core/assessment/schema';
import type { MetricSuggestion } from '../../src/core/metrics/result';
import type { PanelActions } from './actions';
import { MEASURE_LABELS, number, windowLine } from './format';
import { plainSuggestion } from './plainChip';

/**
 * The chip under a question that git evidence covers. It never changes the answer by itself: "Use" is an
 * explicit click, and when the answer differs the chip says by how much.
 */
export function suggestionChip(
  suggestion: MetricSuggestion,
  answer: Answer | undefined,
  actions: PanelActions,
): TemplateResult {
  const { questionId, score } = suggestion;
  const current = answer?.score;
  const inUse = current === score && answer?.evidence !== undefined;
  const differs = current !== undefined && current !== score;
  const matchesByHand = current === score && !inUse;
  const heuristic = suggestion.evidence.heuristic === true;
  return html`
    <div
      class="chip ${differs ? 'chip-differs' : ''} ${inUse ? 'chip-in-use' : ''}"
      data-testid="suggestion-${questionId}"
      role="group"
      aria-label="Suggestion from git"
    >
      <div class="chip-line">
        <span class="codicon codicon-git-commit" aria-hidden="true"></span>
        <span class="chip-text">${plainSuggestion(suggestion.evidence, score)}</span>
        ${heuristic ? html`<span class="tag" title="Estimated from commit messages and tags">heuristic</span>` : nothing}
      </div>
      <div class="chip-line chip-actions">
        ${differs ? html`<span class="chip-diff">Your answer is ${current}; using the suggestion changes it to ${score}.</span>` : nothing}
        ${matchesByHand ? html`<span class="chip-note">Matches your answer; Use keeps the git evidence with it.</span>` : nothing}
        ${inUse ? html`<span class="chip-note"><span class="codicon codicon-check" aria-hidden="true"></span> Your answer uses this suggestion.</span>` : nothing}
        ${
          inUse
            ? nothing
            : html`<vscode-button
                class="use"
                aria-label="Use suggested score"
                title="Use suggested score ${score}"
                @click=${() => actions.useSuggestion(suggestion)}
                >Use</vscode-button
              >`
        }
      </div>
      ${methodDetails(suggestion.evidence, undefined, suggestion.reason)}
    </div>
  `;
}

/** How the figure was computed, one click away: the method, window and value that a reviewer would ask about. */
export function methodDetails(evidence: Evidence, summary = 'How this was measured', rule?: string): TemplateResult {
  return html`
    <details class="method">
      <summary>${summary}</summary>
      <dl>
        ${
          rule
            ? html`<dt>Rule</dt>
                <dd>${rule}</dd>`
            : nothing
        }
        <dt>Figure</dt>
        <dd>${evidence.summary}</dd>
        <dt>Measure</dt>
        <dd>${MEASURE_LABELS[evidence.measure] ?? evidence.measure}: ${number(evidence.value)}</dd>
        ${
          evidence.window
            ? html`<dt>Window</dt>
                <dd>${windowLine(evidence.window)}</dd>`
            : nothing
        }
        <dt>Method</dt>
        <dd>${evidence.method}</dd>
        ${
          evidence.heuristic
            ? html`<dt>Heuristic</dt>
                <dd>
                  This figure is an estimate from commit messages and tags, not a measurement. Check it before you rely
                  on it.
                </dd>`
            : nothing
        }
      </dl>
    </details>
  `;
}
