import * as assert from 'node:assert/strict';
import { commitMessageProblems } from '../../runners/lib/commitMessage';

describe('commit message rules', () => {
  it('accept a short subject with a body that says why', () => {
    assert.deepEqual(commitMessageProblems('Worker: resolve between turns\n\nThe view hung when it came first.\n'), []);
  });

  it('refuse a subject of 72 characters or more, saying how long it is', () => {
    const problems = commitMessageProblems(`${'a'.repeat(72)}\n\nWhy.`);
    assert.deepEqual(problems, ['the subject is 72 characters; keep it under 72 (at most 71)']);
    assert.deepEqual(commitMessageProblems(`${'a'.repeat(71)}\n\nWhy.`), []);
  });

  it('refuse a commit without a body, or with the body glued to the subject', () => {
    assert.deepEqual(commitMessageProblems('Fix the tree\n'), [
      'there is no body: add a blank line and say why the change is made',
    ]);
    assert.deepEqual(commitMessageProblems('Fix the tree\nbecause it hung'), [
      'the body must be separated from the subject by a blank line',
    ]);
  });

  it("let merges through without a body: git's own messages, and any message of a merge", () => {
    assert.deepEqual(commitMessageProblems("Merge branch 'main' into worker\n"), []);
    assert.deepEqual(commitMessageProblems('Merge main\n', true), []);
    assert.deepEqual(commitMessageProblems(`${'a'.repeat(80)}\n`, true), [
      'the subject is 80 characters; keep it under 72 (at most 71)',
    ]);
  });

  it('ignore the comment lines git puts in the editor, and CRLF line ends', () => {
    assert.deepEqual(
      commitMessageProblems('# Please enter the message\nShort subject\r\n\r\nWhy it is.\r\n# On branch main\n'),
      [],
    );
    assert.deepEqual(commitMessageProblems('# only comments\n'), ['the subject is empty']);
  });
});
