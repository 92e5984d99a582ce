import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { ProblemView } from '../../src/core/protocol';
import type { PanelActions } from './actions';

/** The states in which nothing can be answered; none of them renders an editable control. */
export function loadingView(fileName: string): TemplateResult {
  return html`<div class="state-view" role="status">
    <vscode-progress-ring aria-label="Loading"></vscode-progress-ring>
    <p>Reading ${fileName}…</p>
  </div>`;
}

export function missingView(fileName: string): TemplateResult {
  return html`<div class="state-view" role="alert">
    <h2><span class="codicon codicon-question" aria-hidden="true"></span> ${fileName} is gone</h2>
    <p>The file was deleted or moved. If it comes back (an undo, a checkout), this panel picks it up again.</p>
  </div>`;
}

/**
 * The file no longer parses (a hand edit, a merge conflict). Every problem is listed where it is, with a way
 * to open the file right there; the panel stays read-only, so nothing can be written over the user's text.
 */
export function errorView(fileName: string, problems: readonly ProblemView[], actions: PanelActions): TemplateResult {
  return html`<section
    class="state-view load-error"
    data-testid="load-error"
    role="alert"
    aria-labelledby="load-error-title"
  >
    <h2 id="load-error-title">
      <span class="codicon codicon-error" aria-hidden="true"></span> ${fileName} cannot be read
    </h2>
    <p>
      The panel is read-only until the file is fixed, and nothing is written to it. Fix the
      ${problems.length === 1 ? 'problem' : `${problems.length} problems`} below in the file; the panel updates when you
      save.
    </p>
    <ol class="problems">
      ${problems.map((problem) => problemItem(problem, actions))}
    </ol>
  </section>`;
}

function problemItem(problem: ProblemView, actions: PanelActions): TemplateResult {
  const where = problem.line
    ? `Line ${problem.line}${problem.column ? `, column ${problem.column}` : ''}`
    : 'In the file';
  const target = problem.line ? ` at line ${problem.line}${problem.column ? `, column ${problem.column}` : ''}` : '';
  return html`<li class="problem ${problem.severity}">
    <span class="problem-where">${where}</span>
    <span class="problem-message">${problem.message}${problem.path ? html` <code>${problem.path}</code>` : ''}</span>
    <vscode-button
      secondary
      icon="go-to-file"
      aria-label="Open file${target}"
      @click=${() => actions.openFile(problem.line, problem.column)}
      >Open file</vscode-button
    >
  </li>`;
}
