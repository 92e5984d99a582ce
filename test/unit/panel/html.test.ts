import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { newAssessment } from '../../../src/core/assessment/serialize';
import { parsePanelState } from '../../../src/core/protocol';
import type { PanelState } from '../../../src/core/protocol';
import { contentSecurityPolicy, panelHtml } from '../../../src/panel/html';
import type { PageParts } from '../../../src/panel/html';
import { framework, TWO_DOMAINS } from '../builders/framework';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function stateWithNotes(notes: string): PanelState {
  const fw = framework(TWO_DOMAINS);
  const assessment = {
    ...newAssessment({
      framework: fw,
      title: 'Team </title><script>x()</script>',
      now: new Date('2026-11-20T00:00:00Z'),
    }),
    answers: { f1: { score: 3 as const, notes } },
  };
  return {
    revision: 0,
    uri: 'file:///w/a.json',
    fileName: 'a.json',
    document: { kind: 'loaded', framework: fw, assessment, warnings: [] },
    git: { kind: 'loading' },
  };
}

function parts(state: PanelState, overrides: Partial<PageParts> = {}): PageParts {
  return {
    cspSource: CSP_SOURCE,
    nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
    scriptUri: `${CSP_SOURCE}/ext/dist/webview.js`,
    styleUri: `${CSP_SOURCE}/ext/media/panel.css`,
    codiconsUri: `${CSP_SOURCE}/ext/dist/codicons/codicon.css`,
    title: 'DORA: Team',
    state,
    ...overrides,
  };
}

describe('the panel page', () => {
  it("allows only the extension's own styles, fonts and images, and only the script with the nonce", () => {
    const csp = contentSecurityPolicy(CSP_SOURCE, 'abc');
    assert.equal(
      csp,
      `default-src 'none'; img-src ${CSP_SOURCE}; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}; script-src 'nonce-abc'`,
    );
  });

  it('carries the policy, the nonce on its one script, and the assets in a parsed document', () => {
    const dom = new JSDOM(panelHtml(parts(stateWithNotes('plain'))));
    const doc = dom.window.document;
    assert.equal(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      contentSecurityPolicy(CSP_SOURCE, 'bm9uY2Utbm9uY2Utbm9uY2U='),
    );
    const scripts = [...doc.querySelectorAll('script')];
    assert.deepEqual(
      scripts.map((s) => s.getAttribute('type') ?? s.getAttribute('nonce')),
      ['application/json', 'bm9uY2Utbm9uY2Utbm9uY2U='],
    );
    assert.equal(
      doc.querySelector('#vscode-codicon-stylesheet')?.getAttribute('href'),
      `${CSP_SOURCE}/ext/dist/codicons/codicon.css`,
    );
    assert.doesNotMatch(panelHtml(parts(stateWithNotes('plain'))), /#\{/);
  });

  it('embeds the state so that it reads back whole, even when answers contain markup', () => {
    const state = stateWithNotes('</script><script>alert("x")</script><!-- #{nonce} \u2028');
    const dom = new JSDOM(panelHtml(parts(state)));
    const doc = dom.window.document;
    assert.equal(doc.querySelectorAll('script').length, 2, 'no element escaped from the data block');
    const embedded = parsePanelState(JSON.parse(doc.getElementById('bootstrap')?.textContent ?? ''));
    assert.ok(embedded.ok);
    assert.deepEqual(embedded.value, JSON.parse(JSON.stringify(state)));
  });

  it('escapes the title and the asset addresses', () => {
    const html = panelHtml(
      parts(stateWithNotes('n'), { title: '<b>"Team"</b>', styleUri: `${CSP_SOURCE}/a.css?x="><script>` }),
    );
    const doc = new JSDOM(html).window.document;
    assert.equal(doc.title, '<b>"Team"</b>');
    assert.equal(doc.querySelectorAll('script').length, 2);
  });
});
