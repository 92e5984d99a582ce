import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MetricsResult } from '../../src/core/metrics/result';
import type { QuickCheckSuggestion } from '../../src/core/quickcheck/prefill';
import { quickCheckSuggestions } from '../../src/core/quickcheck/prefill';
import { QUICK_CHECK_QUESTIONS } from '../../src/core/quickcheck/questions';
import type { QuickCheckQuestion } from '../../src/core/quickcheck/questions';
import { readQuickCheck } from '../../src/core/quickcheck/schema';
import type { QuickCheckAnswer } from '../../src/core/quickcheck/schema';
import { describePosition, formatOutOfTen, scoreQuickCheck } from '../../src/core/quickcheck/score';
import type { QuickCheckMetricScore, QuickCheckResult } from '../../src/core/quickcheck/score';
import { METRICS } from '../../src/core/vocabulary/metrics';
import type { LoadedDocument, PanelModel } from '../state';
import type { PanelActions } from './actions';
import { gitBanner } from './banners';
import { quickCheckResult } from './quickCheckResult';

const suggestionCache = new WeakMap<MetricsResult, QuickCheckSuggestion[]>();

/** What git suggests for each metric, computed once per analysis. */
export function suggestionsOf(model: PanelModel): QuickCheckSuggestion[] {
  const git = model.state.git;
  if (git.kind !== 'ok') return [];
  let suggestions = suggestionCache.get(git.result);
  if (!suggestions) {
    suggestions = quickCheckSuggestions(git.result);
    suggestionCache.set(git.result, suggestions);
  }
  return suggestions;
}

/**
 * The Quick Check on one screen: the five key metrics as questions (prefilled from git where it measured
 * them, each overridable), and beside them the live result against the chosen benchmark.
 */
export function quickCheckView(model: PanelModel, document: LoadedDocument, actions: PanelActions): TemplateResult {
  const { answers, benchmark } = readQuickCheck(document.assessment);
  const result = scoreQuickCheck(answers, benchmark);
  const suggestions = new Map(suggestionsOf(model).map((s) => [s.id, s]));
  return html`<div class="layout quick-check">
    <aside class="sidebar">${quickCheckResult(result, actions)}</aside>
    <div class="questions">
      <div class="question-notices">
        ${model.state.git.kind === 'ok' ? nothing : gitBanner(model.state.git, actions)}
      </div>
      <p class="muted qc-intro">
        Answer for the primary application or service your team works on. Git’s measurements are filled in where it
        could measure; change any answer that does not match what you see.
      </p>
      ${QUICK_CHECK_QUESTIONS.map((question, index) =>
        metricQuestion(
          question,
          index,
          answers[question.key],
          result.metrics[index] as QuickCheckMetricScore,
          suggestions.get(question.id),
          result,
          actions,
        ),
      )}
    </div>
  </div>`;
}

function metricQuestion(
  question: QuickCheckQuestion,
  index: number,
  answer: QuickCheckAnswer | undefined,
  scored: QuickCheckMetricScore,
  suggestion: QuickCheckSuggestion | undefined,
  result: QuickCheckResult,
  actions: PanelActions,
): TemplateResult {
  const key = question.key;
  return html`<section
    class="question qc-question ${scored.answer === undefined ? '' : 'answered'}"
    data-question-id=${key}
    tabindex="0"
    aria-labelledby="q-${key}-text"
    aria-describedby="q-${key}-help"
  >
    <header class="question-head">
      <span class="question-number" aria-hidden="true">${index + 1}</span>
      <h3 class="question-text" id="q-${key}-text">${METRICS[question.id].name}</h3>
      <span class="score-badge ${scored.score === undefined ? 'empty' : ''}" title="Score out of 10"
        >${scored.score === undefined ? '—' : formatOutOfTen(scored.score)}</span
      >
    </header>
    <p class="question-help" id="q-${key}-help">${question.prompt}</p>
    ${question.kind === 'band' ? bandControl(question, scored.answer, actions) : percentControl(question, scored.answer, actions)}
    ${scoreLine(scored, result)} ${gitLine(question, answer, scored.answer, suggestion, actions)}
  </section>`;
}

function bandControl(question: QuickCheckQuestion, band: number | undefined, actions: PanelActions): TemplateResult {
  const key = question.key;
  return html`<div class="segmented" role="radiogroup" aria-labelledby="q-${key}-text">
      ${question.bands.map((label, i) => {
        const value = i + 1;
        const checked = band === value;
        return html`<label class="segment ${checked ? 'checked' : ''}" title=${label}>
          <input
            type="radio"
            name="band-${key}"
            value=${value}
            .checked=${live(checked)}
            aria-label=${label}
            @change=${() => actions.send({ type: 'setAnswer', questionId: key, band: value })}
          />
          <span aria-hidden="true">${question.ticks[i]}</span>
        </label>`;
      })}
    </div>
    <p class="guidance" aria-hidden="true">${band === undefined ? 'Not answered yet' : question.bands[band - 1]}</p>`;
}

function percentControl(
  question: QuickCheckQuestion,
  percent: number | undefined,
  actions: PanelActions,
): TemplateResult {
  const key = question.key;
  const set = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const value = input.value.trim() === '' ? null : Math.round(Number(input.value));
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > 100)) {
      input.setCustomValidity('Give a whole percentage from 0 to 100.');
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    actions.send({ type: 'setAnswer', questionId: key, percent: value });
  };
  return html`<div class="qc-percent">
    <input
      type="range"
      min="0"
      max="100"
      step="1"
      .value=${live(String(percent ?? 0))}
      aria-label="${METRICS[question.id].name}, percent of deployments"
      aria-valuetext=${percent === undefined ? 'not answered' : `${percent}%`}
      @change=${set}
    />
    <label class="qc-percent-number">
      <input
        type="number"
        min="0"
        max="100"
        step="1"
        inputmode="numeric"
        .value=${live(percent === undefined ? '' : String(percent))}
        aria-label="${METRICS[question.id].name} in percent"
        placeholder="—"
        @change=${set}
      />
      %
    </label>
  </div>`;
}

function scoreLine(scored: QuickCheckMetricScore, result: QuickCheckResult): TemplateResult | typeof nothing {
  if (scored.score === undefined) return nothing;
  const position =
    scored.position && scored.benchmark
      ? describePosition(scored.position, scored.benchmark)
      : `not in the ${result.benchmark.choice.edition} benchmark`;
  return html`<p class="qc-score-line muted">
    ${formatOutOfTen(scored.score)} ·
    ${position}${scored.cluster2024 ? html` · DORA 2024 cluster: ${scored.cluster2024}` : nothing}
  </p>`;
}

function gitLine(
  question: QuickCheckQuestion,
  answer: QuickCheckAnswer | undefined,
  value: number | undefined,
  suggestion: QuickCheckSuggestion | undefined,
  actions: PanelActions,
): TemplateResult | typeof nothing {
  const measured = suggestion?.measured ?? answer?.measured;
  if (!measured) return nothing;
  const chip = suggestion?.chip ?? `${measured.value}: ${measured.summary}`;
  const use = () =>
    suggestion &&
    actions.send({
      type: 'setAnswer',
      questionId: question.key,
      ...(question.kind === 'band' ? { band: suggestion.value } : { percent: suggestion.value }),
      measured: suggestion.measured,
    });
  return html`<div class="qc-git suggestion">
    <p class="suggestion-line">
      <span class="codicon codicon-git-commit" aria-hidden="true"></span>
      <span class="qc-chip" data-testid="git-chip">${chip}</span>
      ${
        suggestion && value !== suggestion.value
          ? html`<vscode-button secondary @click=${use} aria-label="Use git’s answer for ${METRICS[question.id].name}"
              >Use</vscode-button
            >`
          : suggestion
            ? html`<span class="muted">(in use)</span>`
            : nothing
      }
    </p>
    <details class="how-measured">
      <summary>How this was measured</summary>
      <p>${measured.summary}${measured.heuristic ? ' (an estimate from commit messages and tags)' : ''}.</p>
      <p class="method">${measured.method}</p>
    </details>
  </div>`;
}
