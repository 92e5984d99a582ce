import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Assessment } from '../../src/core/assessment/schema';
import type { GitView, ProblemView } from '../../src/core/protocol';
import { answerOf } from '../answers';
import type { PanelActions } from './actions';
import { UNTRUSTED_MESSAGE } from './metrics';

/** Where git evidence stands, above the questions: why there are no suggestions, or how many there are. */
export function gitBanner(git: GitView, actions: PanelActions): TemplateResult {
  switch (git.kind) {
    case 'loading':
      return html`<div class="banner quiet" role="status">
        <span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> Reading git history for
        suggestions…
      </div>`;
    case 'untrusted':
      return html`<div class="banner info" role="status">
        <span class="codicon codicon-shield" aria-hidden="true"></span> ${UNTRUSTED_MESSAGE}
      </div>`;
    case 'unavailable':
      return html`<div class="banner info" role="status">
        <span class="codicon codicon-info" aria-hidden="true"></span>
        <span class="banner-text">${git.reason}</span>
        <button class="link" @click=${() => actions.refreshGit()}>Read git history again</button>
      </div>`;
    case 'ok': {
      const count = git.result.suggestions.length;
      return html`<div class="banner quiet" role="status">
        <span class="codicon codicon-git-commit" aria-hidden="true"></span>
        ${count === 0 ? 'Git history gives no suggestion for this framework.' : `${count} ${count === 1 ? 'question has' : 'questions have'} a suggestion from git.`}
        <button class="link" @click=${() => actions.showView('metrics')}>
          See the figures and how they were measured
        </button>
      </div>`;
    }
  }
}

export function notices(messages: readonly string[], actions: PanelActions): TemplateResult | typeof nothing {
  if (messages.length === 0) return nothing;
  return html`${messages.map(
    (message, index) =>
      html`<div class="banner error" role="alert">
        <span class="codicon codicon-error" aria-hidden="true"></span>
        <span class="banner-text">${message}</span>
        <button class="icon-button" aria-label="Dismiss" title="Dismiss" @click=${() => actions.dismissNotice(index)}>
          <span class="codicon codicon-close" aria-hidden="true"></span>
        </button>
      </div>`,
  )}`;
}

/** Problems the file still loads with (e.g. a key written twice): worth a word, not a stop. */
export function fileWarnings(warnings: readonly ProblemView[], actions: PanelActions): TemplateResult | typeof nothing {
  if (warnings.length === 0) return nothing;
  return html`<div class="banner warning" role="status">
    <span class="codicon codicon-warning" aria-hidden="true"></span>
    <ul class="banner-text">
      ${warnings.map(
        (w) =>
          html`<li>
            ${w.line ? `Line ${w.line}: ` : ''}${w.message}
            <button
              class="link"
              aria-label="Open file${w.line ? ` at line ${w.line}` : ''}"
              @click=${() => actions.openFile(w.line, w.column)}
            >
              Open file
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** Answers whose questions the framework no longer has. They stay in the file and out of the score. */
export function orphanedAnswers(orphans: readonly string[], assessment: Assessment): TemplateResult | typeof nothing {
  if (orphans.length === 0) return nothing;
  return html`<section class="orphans" aria-labelledby="orphans-title">
    <h2 id="orphans-title">
      <span class="codicon codicon-archive" aria-hidden="true"></span> Answers kept for questions this framework no
      longer has
    </h2>
    <p class="muted">
      They stay in the file and do not count in the score. Remove them in the JSON file if they are no longer needed.
    </p>
    <ul>
      ${orphans.map((id) => {
        const answer = answerOf(assessment, id);
        return html`<li>
          <code>${id}</code
          >${answer?.score !== undefined ? `: score ${answer.score}` : ''}${answer?.notes ? html` — <span class="muted">${answer.notes}</span>` : nothing}
        </li>`;
      })}
    </ul>
  </section>`;
}
