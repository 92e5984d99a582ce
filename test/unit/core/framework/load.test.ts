import * as assert from 'node:assert/strict';
import { loadFramework } from '../../../../src/core/framework/load';
import { describeThreshold, scoreFromThresholds } from '../../../../src/core/framework/suggest';
import { formatProblem } from '../../../../src/core/problems';
import type { Problem } from '../../../../src/core/problems';
import { frameworkObject, frameworkYaml, TWO_DOMAINS } from '../../builders/framework';
import { stringify } from 'yaml';

function problemsOf(text: string, file = 'f.yaml'): readonly Problem[] {
  const result = loadFramework(text, file);
  assert.equal(result.ok, false, 'expected the framework to be rejected');
  return result.problems;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('framework loader', () => {
  it('loads a valid framework and applies defaults', () => {
    const result = loadFramework(frameworkYaml(TWO_DOMAINS), 'ok.yaml');
    assert.ok(result.ok);
    const question = result.value.domains[0]!.questions[0]!;
    assert.equal(question.weight, 1);
    assert.deepEqual(question.recommendations, []);
    assert.deepEqual(result.value.risks, []);
  });

  it('names the file, line and column of a YAML syntax error', () => {
    const text = 'id: broken\nname: [unclosed\ndomains: []\n';
    const [first] = problemsOf(text, 'broken.yaml');
    assert.equal(first!.file, 'broken.yaml');
    assert.equal(typeof first!.line, 'number');
    assert.ok(first!.line! >= 2, `line ${first!.line}`);
    assert.match(formatProblem(first!), /^broken\.yaml:\d+:\d+: /);
  });

  it('points a schema violation at the offending node', () => {
    const object = frameworkObject(TWO_DOMAINS);
    const text = stringify(object).replace('weight: 40', 'weight: "heavy"');
    const problems = problemsOf(text);
    const weight = problems.find((p) => p.path === 'domains[1].weight');
    assert.ok(weight, JSON.stringify(problems));
    assert.equal(weight.line, lineOf(text, 'weight: "heavy"') || lineOf(text, 'weight: heavy'));
  });

  it('reports every problem, not only the first', () => {
    const text = frameworkYaml(TWO_DOMAINS)
      .replace('text: Question f1?', 'txt: Question f1?')
      .replace('help: How to judge c2.', 'help: ""');
    const problems = problemsOf(text);
    const paths = problems.map((p) => p.path);
    assert.ok(paths.includes('domains[0].questions[0].text'), String(paths));
    assert.ok(paths.includes('domains[0].questions[0].txt'), String(paths));
    assert.ok(paths.includes('domains[1].questions[1].help'), String(paths));
  });

  it('requires guidance for every score from 0 to 5', () => {
    const object = frameworkObject(TWO_DOMAINS) as {
      domains: Array<{ questions: Array<{ guidance: Record<number, unknown> }> }>;
    };
    delete object.domains[0]!.questions[1]!.guidance[3];
    const problems = problemsOf(stringify(object));
    assert.ok(
      problems.some(
        (p) => p.path === 'domains[0].questions[1].guidance[3]' || p.path === 'domains[0].questions[1].guidance["3"]',
      ),
      JSON.stringify(problems),
    );
  });

  it('rejects domain weights that do not sum to 100', () => {
    const text = frameworkYaml([
      { id: 'a', weight: 50, questions: ['q1'] },
      { id: 'b', weight: 30, questions: ['q2'] },
    ]);
    const problems = problemsOf(text);
    assert.match(problems[0]!.message, /sum to 80, not 100/);
    assert.equal(problems[0]!.line, lineOf(text, '- id: a'));
  });

  it('rejects duplicate question and domain ids', () => {
    const text = frameworkYaml([
      { id: 'a', weight: 50, questions: ['q1'] },
      { id: 'a', weight: 50, questions: ['q1'] },
    ]);
    const messages = problemsOf(text).map((p) => p.message);
    assert.ok(messages.some((m) => /domain id "a" is used twice/.test(m)));
    assert.ok(messages.some((m) => /question id "q1" is used twice/.test(m)));
  });

  it('rejects a dependsOn that names an unknown question, and a cycle', () => {
    const object = frameworkObject(TWO_DOMAINS) as { domains: Array<{ questions: Array<Record<string, unknown>> }> };
    const roadmap = (dependsOn: string[]) => ({
      title: 'Do it',
      priority: 'high',
      complexity: 'low',
      days: 5,
      dependsOn,
    });
    object.domains[0]!.questions[0]!['roadmap'] = roadmap(['nope']);
    const unknown = problemsOf(stringify(object));
    assert.ok(
      unknown.some(
        (p) =>
          /"nope", which is not a question id/.test(p.message) &&
          p.path === 'domains[0].questions[0].roadmap.dependsOn[0]',
      ),
    );

    object.domains[0]!.questions[0]!['roadmap'] = roadmap(['c1']);
    object.domains[1]!.questions[0]!['roadmap'] = roadmap(['f1']);
    const cycle = problemsOf(stringify(object));
    assert.ok(
      cycle.some((p) => /cycle: (f1 → c1 → f1|c1 → f1 → c1)/.test(p.message)),
      JSON.stringify(cycle),
    );
  });

  it('rejects a suggest measure that belongs to another metric', () => {
    const object = frameworkObject(TWO_DOMAINS) as { domains: Array<{ questions: Array<Record<string, unknown>> }> };
    object.domains[0]!.questions[0]!['suggest'] = {
      metric: 'deploymentFrequency',
      measure: 'leadTimeMedianHours',
      thresholds: [{ score: 5, atMost: 24 }],
    };
    assert.match(problemsOf(stringify(object))[0]!.message, /belongs to metric "leadTime"/);
  });

  it('requires exactly one comparison in a threshold', () => {
    const object = frameworkObject(TWO_DOMAINS) as { domains: Array<{ questions: Array<Record<string, unknown>> }> };
    object.domains[0]!.questions[0]!['suggest'] = {
      metric: 'deploymentFrequency',
      measure: 'deploymentsPerWeek',
      thresholds: [{ score: 5, atLeast: 7, atMost: 9 }],
    };
    assert.match(problemsOf(stringify(object))[0]!.message, /exactly one of atLeast, atMost, above or below/);
  });

  describe('hostile input', () => {
    it('refuses a file over 1 MB before parsing it', () => {
      const problems = problemsOf(`# ${'x'.repeat(1_000_001)}`);
      assert.match(problems[0]!.message, /limit is 1 MB/);
    });

    it('stops an alias bomb instead of expanding it, at the alias to blame', () => {
      const bomb = [
        'a: &a [x, x, x, x, x, x, x, x, x]',
        ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
      ].join('\n');
      const problems = problemsOf(bomb);
      assert.match(problems[0]!.message, /aliases expanded, this file would grow past 4 MB/);
      assert.deepEqual([problems[0]!.line, problems[0]!.column], [8, 8]);
    });

    it('refuses a custom tag at its line and column, and never evaluates it', () => {
      const text = frameworkYaml(TWO_DOMAINS).replace(
        'name: Test framework',
        'name: !!js/function "function () { throw new Error(1) }"',
      );
      const result = loadFramework(text, 'tag.yaml');
      assert.ok(!result.ok);
      const line = text.split('\n').findIndex((l) => l.includes('!!js/function')) + 1;
      assert.deepEqual(result.problems[0], {
        severity: 'error',
        file: 'tag.yaml',
        line,
        column: 7,
        message:
          'unknown tag !!js/function; this file takes plain YAML values (text, numbers, true or false, lists and mappings) only, so remove the tag',
      });
    });

    it('says an empty file is empty', () => {
      assert.match(problemsOf('')[0]!.message, /empty/);
    });
  });
});

describe('suggest thresholds', () => {
  const suggest = {
    metric: 'leadTime' as const,
    measure: 'leadTimeMedianHours' as const,
    thresholds: [
      { score: 5, below: 24 },
      { score: 4, atMost: 168 },
      { score: 2, above: 720 },
      { score: 3, atLeast: 0 },
    ],
  };

  it('takes the first rule that holds, with strict and inclusive comparisons', () => {
    assert.equal(scoreFromThresholds(suggest, 23.9), 5);
    assert.equal(scoreFromThresholds(suggest, 24), 4);
    assert.equal(scoreFromThresholds(suggest, 168), 4);
    assert.equal(scoreFromThresholds(suggest, 720), 3);
    assert.equal(scoreFromThresholds(suggest, 721), 2);
  });

  it('suggests nothing for a value that is not a number', () => {
    assert.equal(scoreFromThresholds(suggest, Number.NaN), undefined);
    assert.equal(scoreFromThresholds({ ...suggest, thresholds: [{ score: 5, below: 1 }] }, 2), undefined);
  });

  it('describes the rule that gave the score', () => {
    assert.deepEqual(
      suggest.thresholds.map((rule) => describeThreshold(rule)),
      ['< 24', '≤ 168', '> 720', '≥ 0'],
    );
  });
});
