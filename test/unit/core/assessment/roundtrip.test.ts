import * as assert from 'node:assert/strict';
import { loadAssessment } from '../../../../src/core/assessment/load';
import { newAssessment, serializeAssessment } from '../../../../src/core/assessment/serialize';
import { ASSESSMENT_SCHEMA_URL } from '../../../../src/core/assessment/schema';
import type { Assessment } from '../../../../src/core/assessment/schema';
import { framework, TWO_DOMAINS } from '../../builders/framework';

const FRAMEWORK = framework(TWO_DOMAINS);
const NOW = new Date('2026-11-20T09:30:00.000Z');

function load(text: string): Assessment {
  const result = loadAssessment(text, 'a.json');
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems));
  return result.value;
}

function sample(): Assessment {
  const assessment = newAssessment({ framework: FRAMEWORK, title: '  Q4 check  ', team: 'Payments', now: NOW });
  assessment.answers = {
    c1: { score: 2 },
    zz: { score: 5 },
    f1: { notes: 'Weekly, Tuesdays', score: 3 },
    aa: { score: 1 },
  };
  return assessment;
}

describe('assessment file', () => {
  describe('serialization', () => {
    it('writes keys in a fixed order, answers in framework order, then unknown ids alphabetically', () => {
      const text = serializeAssessment(sample(), FRAMEWORK);
      const json = JSON.parse(text) as { answers: Record<string, object> };
      assert.deepEqual(Object.keys(json), [
        'version',
        'framework',
        'title',
        'team',
        'createdAt',
        'updatedAt',
        'answers',
      ]);
      assert.deepEqual(Object.keys(json.answers), ['f1', 'c1', 'aa', 'zz']);
      assert.deepEqual(Object.keys(json.answers['f1'] ?? {}), ['score', 'notes']);
    });

    it('writes no remote $schema (VS Code flags it as untrusted); jsonValidation validates the file', () => {
      const legacy = { ...sample(), $schema: ASSESSMENT_SCHEMA_URL };
      assert.ok(!serializeAssessment(legacy, FRAMEWORK).includes('$schema'));
      const own = { ...sample(), $schema: './my-schema.json' };
      assert.match(serializeAssessment(own, FRAMEWORK), /^\{\n {2}"\$schema": "\.\/my-schema\.json"/);
    });

    it('uses two-space indentation and ends with a newline', () => {
      const text = serializeAssessment(sample(), FRAMEWORK);
      assert.ok(text.endsWith('}\n'));
      assert.match(text, /^\{\n {2}"version"/);
    });

    it('gives identical bytes when an unchanged file is loaded and saved again', () => {
      const first = serializeAssessment(sample(), FRAMEWORK);
      const second = serializeAssessment(load(first), FRAMEWORK);
      assert.equal(second, first);
    });

    it('changes one line when one score changes', () => {
      const before = serializeAssessment(sample(), FRAMEWORK).split('\n');
      const changed = load(before.join('\n'));
      changed.answers['c1'] = { score: 4 };
      const after = serializeAssessment(changed, FRAMEWORK).split('\n');
      const differing = before.filter((line, i) => line !== after[i]);
      assert.equal(before.length, after.length);
      assert.deepEqual(differing, ['      "score": 2']);
    });

    it('keeps fields a person added by hand', () => {
      const text = serializeAssessment(sample(), FRAMEWORK).replace(
        '"version": 1,',
        '"version": 1,\n  "reviewedBy": "Ana",',
      );
      const again = serializeAssessment(load(text), FRAMEWORK);
      assert.equal((JSON.parse(again) as { reviewedBy?: string }).reviewedBy, 'Ana');
    });

    it('refuses an answer id of "__proto__" rather than losing it', () => {
      const text = serializeAssessment(sample(), FRAMEWORK).replace(
        '"answers": {',
        '"answers": {\n    "__proto__": { "score": 1 },',
      );
      const result = loadAssessment(text, 'a.json');
      assert.equal(result.ok, false);
      assert.match(result.problems[0]!.message, /cannot be a question id/);
    });

    it('trims the title and leaves out an empty team', () => {
      const assessment = newAssessment({ framework: FRAMEWORK, title: ' T ', team: '  ', now: NOW });
      assert.equal(assessment.title, 'T');
      assert.equal('team' in assessment, false);
      assert.equal(assessment.createdAt, '2026-11-20T09:30:00.000Z');
    });
  });

  describe('loading', () => {
    it('keeps answers to questions the framework does not have', () => {
      const loaded = load(serializeAssessment(sample(), FRAMEWORK));
      assert.deepEqual(loaded.answers['zz'], { score: 5 });
    });

    it('names line and column of a JSON syntax error', () => {
      const text = '{\n  "version": 1,\n  "title": "x",,\n}\n';
      const result = loadAssessment(text, 'broken.json');
      assert.equal(result.ok, false);
      const [problem] = result.problems;
      assert.equal(problem!.file, 'broken.json');
      assert.equal(problem!.line, 3);
      assert.equal(problem!.column, 16);
      assert.match(problem!.message, /^not valid JSON/);
    });

    it('points a schema violation at its line', () => {
      const text = serializeAssessment(sample(), FRAMEWORK).replace('"score": 2', '"score": 7');
      const result = loadAssessment(text, 'a.json');
      assert.equal(result.ok, false);
      const problem = result.problems.find((p) => p.path === 'answers.c1.score');
      assert.ok(problem);
      assert.equal(problem.line, text.split('\n').findIndex((l) => l.includes('"score": 7')) + 1);
    });

    it('warns when a key appears twice', () => {
      const text = serializeAssessment(sample(), FRAMEWORK).replace(
        '"answers": {',
        '"answers": {\n    "c1": { "score": 5 },',
      );
      const result = loadAssessment(text, 'a.json');
      assert.ok(result.ok);
      assert.match(result.warnings[0]!.message, /appears twice/);
      assert.equal(
        result.warnings[0]!.line,
        text.split('\n').findIndex((l) => l.includes('"c1": {') && !l.includes('5')) + 1,
      );
    });

    it('rejects an unknown file version', () => {
      const text = serializeAssessment(sample(), FRAMEWORK).replace('"version": 1', '"version": 2');
      const result = loadAssessment(text, 'a.json');
      assert.equal(result.ok, false);
    });

    it('says where an unterminated file ends', () => {
      const result = loadAssessment('{\n  "version": 1', 'cut.json');
      assert.equal(result.ok, false);
      const [problem] = result.problems;
      assert.equal(problem!.line, 2);
    });
  });
});
