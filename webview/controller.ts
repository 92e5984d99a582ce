/**
 * Wires the page together: host messages in (validated), user actions out (as protocol messages), the model
 * in between, and one render after every change.
 */
import { render } from 'lit';
import type { Score } from '../src/core/framework/schema';
import type { MetricSuggestion } from '../src/core/metrics/result';
import { MAX_NOTES_CHARS } from '../src/core/protocol';
import type { PanelState, WebviewMessage } from '../src/core/protocol';
import { acceptSuggestion, answerOf, chooseScore, clearScore } from './answers';
import type { SetAnswer } from './answers';
import { focusQuestion, installKeyboard, questionOf } from './keyboard';
import { PanelModel } from './state';
import { TabScroll } from './tabScroll';
import { prefillQuickCheck } from './prefill';
import { isQuickCheck } from '../src/core/quickcheck/schema';
import type { PanelActions } from './render/actions';
import { app } from './render/app';
import type { HostChannel } from './vscodeApi';

/** Notes are sent once typing pauses for this long, or at once when the field loses focus. */
const NOTES_DELAY_MS = 400;

export function startPanel(root: HTMLElement, channel: HostChannel, initial: PanelState): PanelModel {
  const model = new PanelModel(initial, channel.restore());
  let lastQuestion = model.pendingFocus;
  const scroll = new TabScroll(model.view, window);
  let notesTimer: ReturnType<typeof setTimeout> | undefined;

  const persist = () =>
    channel.persist({ uri: model.state.uri, view: model.view, ...(lastQuestion ? { questionId: lastQuestion } : {}) });
  const send = (change: SetAnswer | undefined) => {
    const message = change && model.answer(change);
    if (message) channel.post(message);
  };
  const assessment = () => model.loaded?.assessment;
  const commitNotes = () => {
    clearTimeout(notesTimer);
    notesTimer = undefined;
    for (const message of model.takeDrafts()) channel.post(message);
  };
  const useSuggestion = (suggestion: MetricSuggestion) => {
    const current = assessment();
    if (current) send(acceptSuggestion(answerOf(current, suggestion.questionId), suggestion));
  };

  const actions: PanelActions = {
    answer: (questionId, score: Score) => {
      const current = assessment();
      // A Quick Check is answered with bands and percentages, never with the 0–5 practice scale.
      if (current && !isQuickCheck(current)) send(chooseScore(answerOf(current, questionId), questionId, score));
    },
    clear: (questionId) => {
      const current = assessment();
      if (current) send(clearScore(answerOf(current, questionId), questionId));
    },
    send,
    useSuggestion,
    editNotes: (questionId, notes) => {
      // The host refuses longer notes; say so now, while the text is still in the box, rather than lose it.
      if (notes.length > MAX_NOTES_CHARS) {
        const message = `This note is ${notes.length.toLocaleString('en')} characters; a note holds at most ${MAX_NOTES_CHARS.toLocaleString('en')}, so it is not saved. Shorten it (put a long log in a file and link it) — your text is still in the box.`;
        if (!model.notices.includes(message)) {
          model.notices = [...model.notices.filter((n) => !n.startsWith('This note is ')), message];
          draw();
        }
        return;
      }
      model.draftNotes(questionId, notes);
      clearTimeout(notesTimer);
      notesTimer = setTimeout(commitNotes, NOTES_DELAY_MS);
    },
    commitNotes,
    openFile: (line, column) =>
      channel.post({ type: 'openFile', ...(line ? { line } : {}), ...(line && column ? { column } : {}) }),
    refreshGit: () => channel.post({ type: 'refreshGit' }),
    choosePackage: (name) => channel.post({ type: 'choosePackage', package: name }),
    run: (command) => {
      commitNotes();
      channel.post({ type: 'runCommand', command });
    },
    showView: (view) => {
      model.setView(view);
      persist();
    },
    focusQuestion: (questionId) => {
      model.pendingFocus = questionId;
      if (model.view !== 'assessment') model.setView('assessment');
      else draw();
    },
    dismissNotice: (index) => model.dismissNotice(index),
    explain: (list, deployment) => {
      channel.post(model.ledger.open({ list, ...(deployment === undefined ? {} : { deployment }) }));
      draw();
      // A new list starts at its top, whatever the tab was scrolled to.
      root.querySelector('.ledger')?.scrollIntoView({ block: 'start' });
    },
    showMoreLedger: () => {
      const message = model.ledger.more();
      if (message) channel.post(message);
    },
    closeLedger: () => {
      model.ledger.close();
      draw();
    },
    openCommit: (sha) => channel.post({ type: 'openCommit', sha }),
  };

  const log = (level: 'warn' | 'error', message: string) =>
    channel.post({ type: 'log', level, message } satisfies WebviewMessage);

  function draw(): void {
    // A question about to take the focus scrolls itself into view; otherwise the tab returns to its own place.
    scroll.show(model.view, !(model.pendingFocus && model.view === 'assessment'));
    try {
      render(app(model, actions), root);
    } catch (error) {
      log('error', `the panel failed to render: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    const target = model.pendingFocus;
    if (target && model.view === 'assessment' && model.loaded) {
      // The tabs show their panel after a slot change, so focus waits for the next frame.
      requestAnimationFrame(() => {
        if (model.pendingFocus === target && focusQuestion(root, target)) model.pendingFocus = undefined;
      });
    }
  }

  model.subscribe(draw);
  model.subscribe(() => prefillQuickCheck(model, send));
  installKeyboard(root, {
    answer: actions.answer,
    clear: actions.clear,
    useSuggestionOf: (questionId) => {
      const suggestion = model.suggestionFor(questionId);
      if (suggestion) useSuggestion(suggestion);
    },
    get answerable() {
      return model.loaded !== undefined && model.view === 'assessment';
    },
  });
  root.addEventListener('focusin', (event) => {
    const id = questionOf(event.target)?.dataset['questionId'];
    if (id && id !== lastQuestion) {
      lastQuestion = id;
      persist();
    }
  });
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const problem = model.receive(event.data);
    if (problem) log('warn', problem);
  });
  // A hidden panel may be torn down; notes typed a moment ago must reach the host first.
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && commitNotes());
  window.addEventListener('pagehide', commitNotes);

  draw();
  persist();
  channel.post({ type: 'ready', revision: initial.revision });
  prefillQuickCheck(model, send);
  return model;
}
