import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { AssessmentScore } from '../../src/core/scoring/score';
import { answerOf } from '../answers';
import type { LoadedDocument, PanelModel } from '../state';
import type { PanelActions } from './actions';
import { fileWarnings, gitBanner, notices, orphanedAnswers } from './banners';
import { errorView, loadingView, missingView } from './documentStates';
import { metricsView } from './metrics';
import { questionCard } from './question';
import { summary } from './summary';
import { pageFigures } from './figures';
import { questionFilters } from './filters';
import { quickCheckView } from './quickCheck';
import { isQuickCheck } from '../../src/core/quickcheck/schema';

export function app(model: PanelModel, actions: PanelActions): TemplateResult {
  const { document, fileName } = model.state;
  switch (document.kind) {
    case 'loading':
      return html`${header(fileName, undefined)}${toolbar(undefined, actions)}${loadingView(fileName)}`;
    case 'missing':
      return html`${header(fileName, undefined)}${toolbar(undefined, actions)}${notices(model.notices, actions)}${missingView(fileName)}`;
    case 'error':
      return html`${header(fileName, undefined)}${toolbar(undefined, actions)}${notices(model.notices, actions)}${errorView(fileName, document.problems, actions)}`;
    case 'loaded':
      return loaded(model, document, actions);
  }
}

/**
 * The page header: one line with the title and, on a full assessment, its two figures. It stays at the top
 * while the questions scroll; the file and framework show on hover and in a line that truncates rather than wraps.
 */
function header(fileName: string, document: LoadedDocument | undefined, figures?: TemplateResult): TemplateResult {
  const assessment = document?.assessment;
  const framework = document?.framework;
  const subtitle = framework
    ? `${assessment?.team ? `${assessment.team} · ` : ''}${framework.name} ${framework.version} · ${fileName}`
    : undefined;
  return html`<header class="page-head">
    <div class="page-title" title=${subtitle ?? fileName}>
      <h1>${assessment?.title ?? fileName}</h1>
      ${subtitle ? html`<p class="muted page-subtitle">${subtitle}</p>` : nothing}
    </div>
    ${figures ?? nothing}
  </header>`;
}

/** The file's actions. With a document loaded they sit at the right of the tab row, so the header stays one line. */
function toolbar(document: LoadedDocument | undefined, actions: PanelActions, slot?: string): TemplateResult {
  return html`<div class="toolbar" role="group" aria-label="Assessment actions" slot=${slot ?? nothing}>
    ${
      document && !isQuickCheck(document.assessment)
        ? html`<vscode-button secondary icon="git-commit" @click=${() => actions.run('suggestFromGit')}
            >Suggest from git</vscode-button
          >`
        : nothing
    }
    <vscode-button secondary icon="json" @click=${() => actions.openFile()}>Open JSON</vscode-button>
    ${document ? html`<vscode-button icon="output" @click=${() => actions.run('generateReport')}>Generate Report</vscode-button>` : nothing}
  </div>`;
}

function loaded(model: PanelModel, document: LoadedDocument, actions: PanelActions): TemplateResult {
  const score = model.score as AssessmentScore;
  const selected = model.view === 'metrics' ? 1 : 0;
  const quick = isQuickCheck(document.assessment);
  const figures = quick ? undefined : pageFigures(score, model.state.git);
  return html`
    ${header(model.state.fileName, document, figures)} ${notices(model.notices, actions)}
    <vscode-tabs
      selected-index=${selected}
      @vsc-tabs-select=${(event: CustomEvent<{ selectedIndex: number }>) => actions.showView(event.detail.selectedIndex === 1 ? 'metrics' : 'assessment')}
    >
      <vscode-tab-header slot="header">${quick ? 'Quick Check' : 'Assessment'}</vscode-tab-header>
      <vscode-tab-header slot="header">Git metrics</vscode-tab-header>
      ${toolbar(document, actions, 'addons')}
      <vscode-tab-panel
        >${quick ? quickCheckView(model, document, actions) : assessmentView(model, document, score, actions)}</vscode-tab-panel
      >
      <vscode-tab-panel
        >${metricsView(model.state.git, document.framework, actions, model.ledger.shown)}</vscode-tab-panel
      >
    </vscode-tabs>
  `;
}

function assessmentView(
  model: PanelModel,
  document: LoadedDocument,
  score: AssessmentScore,
  actions: PanelActions,
): TemplateResult {
  const { framework, assessment } = document;
  return html`<div class="layout assessment-layout">
    <aside class="sidebar">
      ${summary(score, actions)}
      <p class="keys muted" id="keys-help">
        Keys: <kbd>0</kbd>–<kbd>5</kbd> answer · <kbd>↑</kbd><kbd>↓</kbd> or <kbd>j</kbd><kbd>k</kbd> move ·
        <kbd>u</kbd> use suggestion · <kbd>n</kbd> notes · <kbd>Del</kbd> clear
      </p>
    </aside>
    <div class="questions">
      <div class="question-notices">
        ${gitBanner(model.state.git, actions)}${fileWarnings(document.warnings, actions)}
      </div>
      ${questionFilters()}
      ${framework.domains.map(
        (domain, d) =>
          html`<section class="domain" id="domain-${domain.id}" aria-labelledby="domain-${domain.id}-title">
            <header class="domain-head">
              <h2 id="domain-${domain.id}-title">${domain.name}</h2>
              <span class="muted">${domain.weight}% of the score</span>
            </header>
            ${domain.description ? html`<p class="muted domain-intro" title=${domain.description}>${domain.description}</p>` : nothing}
            ${domain.questions.map((question, q) =>
              questionCard(
                {
                  question,
                  number: `${d + 1}.${q + 1}`,
                  answer: answerOf(assessment, question.id),
                  suggestion: model.suggestionFor(question.id),
                },
                actions,
              ),
            )}
          </section>`,
      )}
      ${orphanedAnswers(score.orphans, assessment)}
    </div>
  </div>`;
}
