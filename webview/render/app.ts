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
import { questionFilters } from './filters';
import { quickCheckView } from './quickCheck';
import { isQuickCheck } from '../../src/core/quickcheck/schema';

export function app(model: PanelModel, actions: PanelActions): TemplateResult {
  const { document, fileName } = model.state;
  switch (document.kind) {
    case 'loading':
      return html`${header(fileName, undefined, actions)}${loadingView(fileName)}`;
    case 'missing':
      return html`${header(fileName, undefined, actions)}${notices(model.notices, actions)}${missingView(fileName)}`;
    case 'error':
      return html`${header(fileName, undefined, actions)}${notices(model.notices, actions)}${errorView(fileName, document.problems, actions)}`;
    case 'loaded':
      return loaded(model, document, actions);
  }
}

function header(fileName: string, document: LoadedDocument | undefined, actions: PanelActions): TemplateResult {
  const assessment = document?.assessment;
  const framework = document?.framework;
  return html`<header class="page-head">
    <div class="page-title">
      <h1>${assessment?.title ?? fileName}</h1>
      ${
        framework
          ? html`<p class="muted">
              ${assessment?.team ? html`${assessment.team} · ` : nothing}${framework.name} ${framework.version} ·
              <span class="file-name">${fileName}</span>
            </p>`
          : nothing
      }
    </div>
    <div class="toolbar" role="group" aria-label="Assessment actions">
      ${
        document && !isQuickCheck(document.assessment)
          ? html`<vscode-button secondary icon="git-commit" @click=${() => actions.run('suggestFromGit')}
              >Suggest from git</vscode-button
            >`
          : nothing
      }
      <vscode-button secondary icon="json" @click=${() => actions.openFile()}>Open JSON</vscode-button>
      ${document ? html`<vscode-button icon="output" @click=${() => actions.run('generateReport')}>Generate Report</vscode-button>` : nothing}
    </div>
  </header>`;
}

function loaded(model: PanelModel, document: LoadedDocument, actions: PanelActions): TemplateResult {
  const score = model.score as AssessmentScore;
  const selected = model.view === 'metrics' ? 1 : 0;
  const quick = isQuickCheck(document.assessment);
  return html`
    ${header(model.state.fileName, document, actions)} ${notices(model.notices, actions)}
    <vscode-tabs
      selected-index=${selected}
      @vsc-tabs-select=${(event: CustomEvent<{ selectedIndex: number }>) => actions.showView(event.detail.selectedIndex === 1 ? 'metrics' : 'assessment')}
    >
      <vscode-tab-header slot="header">${quick ? 'Quick Check' : 'Assessment'}</vscode-tab-header>
      <vscode-tab-header slot="header">Git metrics</vscode-tab-header>
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
  return html`<div class="layout">
    <aside class="sidebar">
      ${summary(score, actions, model.state.git)}
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
            ${domain.description ? html`<p class="muted">${domain.description}</p>` : nothing}
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
