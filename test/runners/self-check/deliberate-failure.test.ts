// Not a product test: the suite the runner's self-check feeds it, to prove a failure fails the run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('runner self-check suite', () => {
  it('passes when the vscode API is there', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it('fails on purpose', () => {
    assert.fail('deliberate failure: the runner must report it and exit non-zero');
  });
});
