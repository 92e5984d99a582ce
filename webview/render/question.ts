import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Answer } from '../../src/core/assessment/schema';
import { SCORES } from '../../src/core/framework/schema';
import type { Question, Score } from '../../src/core/framework/schema';
import type { MetricSuggestion } from '../../src/core/metrics/result';
import type { PanelActions } from './actions';
import { valueUnlessEditing } from './directives';
import { suggestionChip } from './suggestion';

export interface QuestionCardInput {
  readonly question: Question;
  /** "2.3": domain and question number, for orientation in a long framework. */
  readonly number: string;
  readonly answer: Answer | undefined;
  readonly suggestion: MetricSuggestion | undefined;
}

/**
 * One question: its text and help, the guidance for every score as a radio group, the git suggestion when
 * there is one, and the notes. The card itself is focusable, so the keyboard can answer without a mouse.
 */
export function questionCard(
  { question, number, answer, suggestion }: QuestionCardInput,
  actions: PanelActions,
): TemplateResult {
  const id = question.id;
  const score = answer?.score as Score | undefined;
  return html`
    <section
      class="question ${score === undefined ? '' : 'answered'}"
      data-question-id=${id}
      tabindex="0"
      aria-labelledby="q-${id}-text"
      aria-describedby="q-${id}-help"
    >
      <header class="question-head">
        <span class="question-number" aria-hidden="true">${number}</span>
        <h3 class="question-text" id="q-${id}-text">${question.text}</h3>
        ${scoreBadge(score)}
      </header>
      ${suggestion ? suggestionChip(suggestion, answer, actions) : nothing}
      <div class="answer-row">
        <div class="options" role="radiogroup" aria-labelledby="q-${id}-text">
          ${SCORES.map((n) => option(question, n, score, suggestion?.score, actions))}
        </div>
        ${allLevels(question)}
      </div>
      ${guidancePreview(question, score)}
      <div class="question-foot">
        <vscode-textarea
          class="notes"
          label="Notes for: ${question.text}"
          placeholder="Notes (saved with the answer, even without a score)"
          rows=${notesRows(answer?.notes ?? '')}
          resize="none"
          ${valueUnlessEditing(answer?.notes ?? '')}
          @input=${(event: Event) => actions.editNotes(id, (event.currentTarget as HTMLElement & { value: string }).value)}
          @change=${() => actions.commitNotes()}
          @focusout=${() => actions.commitNotes()}
        ></vscode-textarea>
        ${
          score === undefined
            ? nothing
            : html`<vscode-button
                secondary
                class="clear"
                aria-label="Clear the score of this question"
                @click=${() => actions.clear(id)}
                >Clear score</vscode-button
              >`
        }
      </div>
      ${
        answer?.evidence && !suggestion
          ? html`<p class="stored-evidence">
              <span class="codicon codicon-git-commit" aria-hidden="true"></span> Answer from git:
              ${answer.evidence.summary}
            </p>`
          : nothing
      }
    </section>
  `;
}

/** Every score's guidance and the question's help, one click away; opened, it takes the row's full width. */
function allLevels(question: Question): TemplateResult {
  return html`<details class="all-levels">
    <summary>Show all levels</summary>
    <p class="question-help" id="q-${question.id}-help">${question.help}</p>
    <dl>
      ${SCORES.map(
        (n) =>
          html`<dt>${n}</dt>
            <dd>
              ${question.guidance[n].text}${question.guidance[n].example ? html`<span class="option-example"> e.g. ${question.guidance[n].example}</span>` : nothing}
            </dd>`,
      )}
    </dl>
  </details>`;
}

function option(
  question: Question,
  n: Score,
  score: Score | undefined,
  suggested: number | undefined,
  actions: PanelActions,
): TemplateResult {
  const guidance = question.guidance[n];
  const id = `q-${question.id}-${n}`;
  const checked = score === n;
  return html`
    <label
      class="option ${checked ? 'checked' : ''} ${suggested === n ? 'suggested' : ''}"
      title=${guidance.text}
      @mouseenter=${preview(n)}
      @mouseleave=${preview(undefined)}
      @focusin=${preview(n)}
      @focusout=${preview(undefined)}
    >
      <input
        type="radio"
        name="score-${question.id}"
        value=${n}
        .checked=${live(checked)}
        aria-label="Score ${n}: ${guidance.text}"
        aria-describedby=${guidance.example ? `${id}-example` : nothing}
        @change=${() => actions.answer(question.id, n)}
      />
      <span class="option-score" aria-hidden="true">${n}</span>
      ${guidance.example ? html`<span class="visually-hidden" id="${id}-example">e.g. ${guidance.example}</span>` : nothing}
      ${suggested === n ? html`<span class="option-git" title="Suggested from git"><span class="codicon codicon-git-commit" aria-hidden="true"></span></span>` : nothing}
    </label>
  `;
}

/**
 * Only one score's guidance shows under the scores: the one hovered or focused, else the one chosen. The
 * card's data-preview attribute says which (set here, read by CSS), so hovering never re-renders the page.
 */
function preview(n: Score | undefined): (event: Event) => void {
  return (event) => {
    const card = (event.currentTarget as HTMLElement).closest<HTMLElement>('[data-question-id]');
    if (!card) return;
    if (n === undefined) delete card.dataset['preview'];
    else card.dataset['preview'] = String(n);
  };
}

function guidancePreview(question: Question, score: Score | undefined): TemplateResult {
  return html`<div class="guidance-preview" aria-hidden="true">
    ${SCORES.map(
      (n) =>
        html`<p class="guidance-item ${score === n ? 'selected' : ''}" data-score=${n}>
          <strong>${n}</strong>
          ${question.guidance[n].text}${question.guidance[n].example ? html`<span class="option-example"> e.g. ${question.guidance[n].example}</span>` : nothing}
        </p>`,
    )}
  </div>`;
}

/**
 * The notes field grows with its text instead of offering a resize grip: vscode-textarea draws its grip with a
 * data: image, which the panel's CSP (rightly) refuses.
 */
function notesRows(notes: string): number {
  // Long lines wrap: count the rows they take at about 80 characters each, not only the line breaks.
  const rows = notes.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 80)), 0);
  // An empty box is one line, so a short card stays short; it grows as soon as there is text.
  return notes === '' ? 1 : Math.min(12, Math.max(2, rows + 1));
}

function scoreBadge(score: Score | undefined): TemplateResult {
  if (score === undefined) return html`<span class="score-badge empty" title="Not answered">—</span>`;
  if (score === 0) return html`<span class="score-badge na" title="Not applicable or unknown">n/a</span>`;
  return html`<span class="score-badge" title="Score ${score}">${score}</span>`;
}
