import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { newAssessment } from '../../../src/core/assessment/serialize';
import type { Evidence } from '../../../src/core/assessment/schema';
import type { MetricsResult } from '../../../src/core/metrics/result';
import {
  jsonForHtml,
  parseHostMessage,
  parsePanelState,
  parsePersistedState,
  parseWebviewMessage,
  PANEL_COMMANDS,
} from '../../../src/core/protocol';
import type { PanelState } from '../../../src/core/protocol';
import { framework, TWO_DOMAINS } from '../builders/framework';

const WINDOW = { since: '2026-08-22T00:00:00Z', until: '2026-11-20T00:00:00Z', days: 90 };

const EVIDENCE: Evidence = {
  source: 'git',
  metric: 'deploymentFrequency',
  measure: 'deploymentsPerWeek',
  value: 1.79,
  suggestedScore: 4,
  summary: '23 deployments in 90 days (tags matching v*)',
  method: 'Deployments are tags matching v*.',
  window: WINDOW,
};

const RESULT: MetricsResult = {
  window: WINDOW,
  deployments: {
    count: 23,
    perWeek: 1.79,
    deployDaysPerWeek: 1.5,
    band: 'High',
    source: 'tags',
    pattern: 'v*',
    method: 'tags',
  },
  leadTime: { commits: 412, medianHours: 19, p90Hours: 50, band: 'High', clock: 'committer', method: 'median' },
  changeFailure: { heuristic: true, rule: 'reverts', deployments: 23, failed: 2, percent: 8.7, band: 'High' },
  recovery: { heuristic: true, rule: 'fixes', incidents: 2, medianHours: 5, band: 'High' },
  rework: { heuristic: true, rule: 'fixes', deployments: 23, rework: 3, percent: 13 },
  suggestions: [{ questionId: 'f1', score: 4, reason: '23 deployments in 90 days', evidence: EVIDENCE }],
  warnings: [],
};

function panelState(overrides: Partial<PanelState> = {}): PanelState {
  const fw = framework(TWO_DOMAINS);
  return {
    revision: 2,
    uri: 'file:///w/team.dora.json',
    fileName: 'team.dora.json',
    document: {
      kind: 'loaded',
      framework: fw,
      assessment: newAssessment({ framework: fw, title: 'T', now: new Date('2026-11-20T00:00:00Z') }),
      warnings: [],
    },
    git: { kind: 'ok', result: RESULT },
    ...overrides,
  };
}

function accepts(parse: (data: unknown) => { ok: boolean }, message: unknown): void {
  const result = parse(message);
  assert.equal(result.ok, true, `expected ${JSON.stringify(message)} to be accepted: ${JSON.stringify(result)}`);
}

function rejects(parse: (data: unknown) => { ok: boolean }, message: unknown): void {
  assert.equal(parse(message).ok, false, `expected ${JSON.stringify(message)} to be rejected`);
}

describe('the host↔webview protocol', () => {
  describe('messages from the webview', () => {
    it('accepts each message the panel sends', () => {
      for (const message of [
        { type: 'ready', revision: 0 },
        { type: 'setAnswer', seq: 1, questionId: 'f1', score: 4 },
        { type: 'setAnswer', seq: 2, questionId: 'f1', score: null, evidence: null },
        { type: 'setAnswer', seq: 3, questionId: 'f1', notes: 'notes only, no score' },
        { type: 'setAnswer', seq: 4, questionId: 'f1', score: 4, evidence: EVIDENCE },
        { type: 'openFile' },
        { type: 'openFile', line: 12, column: 7 },
        { type: 'refreshGit' },
        ...PANEL_COMMANDS.map((command) => ({ type: 'runCommand', command })),
        { type: 'log', level: 'warn', message: 'ignored a message' },
      ]) {
        accepts(parseWebviewMessage, message);
      }
    });

    it('returns the message typed, with the score as a Score', () => {
      const parsed = parseWebviewMessage({ type: 'setAnswer', seq: 1, questionId: 'f1', score: 5 });
      assert.ok(parsed.ok && parsed.value.type === 'setAnswer');
      assert.equal(parsed.value.score, 5);
    });

    it('rejects scores outside 0..5, fractions and numbers written as text', () => {
      for (const score of [6, -1, 2.5, '4', true])
        rejects(parseWebviewMessage, { type: 'setAnswer', seq: 1, questionId: 'f1', score });
    });

    it('rejects a setAnswer that changes nothing, names no question or is not numbered', () => {
      rejects(parseWebviewMessage, { type: 'setAnswer', seq: 1, questionId: 'f1' });
      rejects(parseWebviewMessage, { type: 'setAnswer', seq: 1, questionId: '', score: 3 });
      rejects(parseWebviewMessage, { type: 'setAnswer', seq: 1, score: 3 });
      rejects(parseWebviewMessage, { type: 'setAnswer', questionId: 'f1', score: 3 });
      rejects(parseWebviewMessage, { type: 'setAnswer', seq: 0, questionId: 'f1', score: 3 });
    });

    it('rejects evidence that is not the shape of a git suggestion', () => {
      rejects(parseWebviewMessage, {
        type: 'setAnswer',
        seq: 1,
        questionId: 'f1',
        score: 4,
        evidence: { ...EVIDENCE, source: 'jira' },
      });
      rejects(parseWebviewMessage, {
        type: 'setAnswer',
        seq: 1,
        questionId: 'f1',
        score: 4,
        evidence: { ...EVIDENCE, suggestedScore: 9 },
      });
    });

    it('rejects commands the panel may not run, so the webview cannot run arbitrary ones', () => {
      for (const command of ['workbench.action.terminal.new', 'dora.generateReport', 'newAssessment', '']) {
        rejects(parseWebviewMessage, { type: 'runCommand', command });
      }
    });

    it('rejects unknown types, unknown keys and anything that is not a message object', () => {
      for (const message of [
        null,
        undefined,
        'ready',
        42,
        [],
        {},
        { type: 'deleteFile' },
        { type: 'ready', revision: 1, extra: true },
        { type: 'openFile', line: 0 },
        { type: 'openFile', line: 1.5 },
      ]) {
        rejects(parseWebviewMessage, message);
      }
    });

    it('says what was wrong and where, for the log', () => {
      const parsed = parseWebviewMessage({ type: 'setAnswer', seq: 1, questionId: 'f1', score: 9 });
      assert.ok(!parsed.ok);
      assert.match(parsed.error, /^score: /);
    });

    it('never throws, whatever arrives', () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.anything(), (json, anything) => {
          assert.equal(typeof parseWebviewMessage(json).ok, 'boolean');
          assert.equal(typeof parseWebviewMessage(anything).ok, 'boolean');
        }),
      );
    });
  });

  describe('messages from the host', () => {
    it('accepts document updates (with or without the framework), acknowledgements, git updates, tab requests and errors', () => {
      const document = panelState().document;
      assert.ok(document.kind === 'loaded');
      const withoutFramework = { kind: 'loaded', assessment: document.assessment, warnings: document.warnings };
      for (const message of [
        { type: 'document', revision: 4, document },
        { type: 'document', revision: 4, document: withoutFramework },
        {
          type: 'document',
          revision: 4,
          document: { kind: 'error', problems: [{ severity: 'error', message: 'bad', line: 3, column: 1 }] },
        },
        { type: 'document', revision: 4, document: { kind: 'missing' } },
        { type: 'ack', revision: 5, seq: 1 },
        { type: 'ack', revision: 5, seq: 2, refused: 'the file does not parse, so nothing is written over it' },
        {
          type: 'git',
          revision: 3,
          git: { kind: 'unavailable', reason: 'This folder is not a git repository; answer the questions by hand.' },
        },
        { type: 'git', revision: 3, git: { kind: 'ok', result: RESULT } },
        { type: 'show', view: 'metrics' },
        { type: 'show', view: 'assessment', questionId: 'f1' },
        { type: 'error', message: 'Writing the file failed.' },
      ]) {
        accepts(parseHostMessage, message);
      }
    });

    it('rejects a document the webview could not render, and the full state (it comes only with the page)', () => {
      rejects(parseHostMessage, { type: 'state', state: panelState() });
      rejects(parseHostMessage, { type: 'document', revision: -1, document: { kind: 'missing' } });
      rejects(parseHostMessage, { type: 'document', revision: 1, document: { kind: 'loaded' } });
      rejects(parseHostMessage, { type: 'ack', revision: 1 });
      rejects(parseHostMessage, {
        type: 'git',
        revision: 1,
        git: { kind: 'ok', result: { ...RESULT, window: undefined } },
      });
      rejects(parseHostMessage, { type: 'show', view: 'settings' });
    });

    it('checks the framework inside the state with the framework schema', () => {
      const state = panelState();
      assert.ok(state.document.kind === 'loaded');
      const broken = {
        ...state,
        document: { ...state.document, framework: { ...state.document.framework, domains: [] } },
      };
      rejects(parsePanelState, broken);
      accepts(parsePanelState, state);
    });
  });

  describe('the webview state kept across reloads', () => {
    it('needs the file uri, and keeps the tab and the focused question when given', () => {
      accepts(parsePersistedState, { uri: 'file:///w/a.json' });
      accepts(parsePersistedState, { uri: 'file:///w/a.json', view: 'metrics', questionId: 'f1' });
      rejects(parsePersistedState, undefined);
      rejects(parsePersistedState, { view: 'metrics' });
      rejects(parsePersistedState, { uri: 'file:///w/a.json', view: 'elsewhere' });
    });
  });

  describe('JSON embedded in the page', () => {
    it('cannot close its script element or open a comment', () => {
      const text = jsonForHtml({ notes: '</script><script>alert(1)</script><!--' });
      assert.doesNotMatch(text, /</);
      assert.equal((JSON.parse(text) as { notes: string }).notes, '</script><script>alert(1)</script><!--');
    });

    it('reads back as the same value, for any JSON', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const text = jsonForHtml(value);
          assert.ok(!text.includes('<') && !text.includes('\u2028') && !text.includes('\u2029'));
          assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)));
        }),
      );
    });
  });
});
