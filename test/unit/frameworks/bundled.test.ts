import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadAssessment } from '../../../src/core/assessment/load';
import type { Assessment } from '../../../src/core/assessment/schema';
import { serializeAssessment } from '../../../src/core/assessment/serialize';
import { loadFramework } from '../../../src/core/framework/load';
import { MEASURES } from '../../../src/core/framework/schema';
import type { Framework, Measure, Question, Suggest } from '../../../src/core/framework/schema';
import { allQuestions, findQuestion, scoreFromThresholds } from '../../../src/core/framework/suggest';
import { scoreAssessment } from '../../../src/core/scoring/score';

const ROOT = path.resolve(__dirname, '../../..');
const DORA_FILE = path.join(ROOT, 'frameworks/dora.yaml');
const CALMS_FILE = path.join(ROOT, 'frameworks/calms.yaml');
const EXAMPLE_FILE = path.join(ROOT, 'media/example/assessment.json');

function readFramework(file: string): Framework {
  const result = loadFramework(readFileSync(file, 'utf8'), file);
  assert.ok(result.ok, result.ok ? '' : result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  assert.deepEqual(result.warnings, []);
  return result.value;
}

function readExample(): { text: string; assessment: Assessment } {
  const text = readFileSync(EXAMPLE_FILE, 'utf8');
  const result = loadAssessment(text, EXAMPLE_FILE);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems));
  assert.deepEqual(result.warnings, []);
  return { text, assessment: result.value };
}

const DORA = readFramework(DORA_FILE);
const CALMS = readFramework(CALMS_FILE);

/** Measures where a larger figure is better delivery; for the others a smaller one is. */
const HIGHER_IS_BETTER: ReadonlySet<Measure> = new Set<Measure>(['deploymentsPerWeek', 'deployDaysPerWeek']);

/** A spread of figures from zero to far beyond any band, plus each threshold and its immediate neighbours. */
function sweepValues(suggest: Suggest): number[] {
  const values = new Set<number>([0]);
  for (let exponent = -5; exponent <= 5; exponent += 0.05) values.add(10 ** exponent);
  for (const rule of suggest.thresholds) {
    const bound = rule.atLeast ?? rule.atMost ?? 0;
    for (const delta of [-1e-6, 0, 1e-6]) if (bound + delta >= 0) values.add(bound + delta);
  }
  return [...values].sort((a, b) => a - b);
}

function suggestedQuestions(framework: Framework): Question[] {
  return allQuestions(framework).filter((q) => q.suggest !== undefined);
}

describe('shipped frameworks', () => {
  describe('DORA (frameworks/dora.yaml)', () => {
    it('has the five domains of the design with their weights, question counts and metrics', () => {
      const shape = DORA.domains.map((d) => ({
        name: d.name,
        weight: d.weight,
        questions: d.questions.length,
        metric: d.metric,
      }));
      assert.deepEqual(shape, [
        { name: 'Deployment Frequency', weight: 25, questions: 5, metric: 'deploymentFrequency' },
        { name: 'Lead Time for Changes', weight: 25, questions: 5, metric: 'leadTime' },
        { name: 'Change Failure Rate', weight: 20, questions: 4, metric: 'changeFailureRate' },
        { name: 'Failed Deployment Recovery Time', weight: 20, questions: 5, metric: 'recoveryTime' },
        { name: 'Enabling Practices', weight: 10, questions: 6, metric: undefined },
      ]);
      assert.equal(allQuestions(DORA).length, 25);
      assert.equal(DORA.id, 'dora');
      assert.equal(DORA.version, '1.0.0');
    });

    it('lets the first deployment frequency and lead time questions be suggested from git', () => {
      const [frequency] = DORA.domains[0]!.questions;
      const [leadTime] = DORA.domains[1]!.questions;
      assert.equal(frequency?.suggest?.measure, 'deploymentsPerWeek');
      assert.equal(frequency.suggest.metric, 'deploymentFrequency');
      assert.equal(leadTime?.suggest?.measure, 'leadTimeMedianHours');
      assert.equal(leadTime.suggest.metric, 'leadTime');
    });

    it('binds every suggestion to the metric of the domain it sits in', () => {
      for (const domain of DORA.domains) {
        for (const question of domain.questions) {
          if (question.suggest) assert.equal(question.suggest.metric, domain.metric, question.id);
        }
      }
    });

    it('never gives a better measured value a lower suggested score, and scores every value from 0 up', () => {
      const suggested = suggestedQuestions(DORA);
      assert.deepEqual(
        suggested.map((q) => q.suggest!.measure),
        ['deploymentsPerWeek', 'leadTimeMedianHours', 'changeFailurePercent', 'recoveryMedianHours'],
      );
      for (const question of suggested) {
        const suggest = question.suggest!;
        assert.equal(MEASURES[suggest.measure], suggest.metric);
        const higherIsBetter = HIGHER_IS_BETTER.has(suggest.measure);
        const values = sweepValues(suggest);
        const ordered = higherIsBetter ? values : [...values].reverse();
        let previous = 0;
        for (const value of ordered) {
          const score = scoreFromThresholds(suggest, value);
          assert.ok(score !== undefined, `${question.id}: no score for ${value}`);
          assert.ok(score >= previous, `${question.id}: ${value} scores ${score}, below a worse value's ${previous}`);
          previous = score;
        }
        assert.equal(previous, 5, `${question.id}: the best values should reach 5`);
      }
    });

    // Representative figures from inside each DORA performance band (State of DevOps reports).
    const BANDS: ReadonlyArray<{ measure: Measure; value: number; band: string; score: number }> = [
      { measure: 'deploymentsPerWeek', value: 15, band: 'Elite: several a day', score: 5 },
      { measure: 'deploymentsPerWeek', value: 3, band: 'High: daily to weekly', score: 4 },
      { measure: 'deploymentsPerWeek', value: 0.5, band: 'Medium: weekly to monthly', score: 3 },
      { measure: 'deploymentsPerWeek', value: 0.1, band: 'Low: less than monthly', score: 2 },
      { measure: 'leadTimeMedianHours', value: 6, band: 'Elite: under a day', score: 5 },
      { measure: 'leadTimeMedianHours', value: 72, band: 'High: a day to a week', score: 4 },
      { measure: 'leadTimeMedianHours', value: 336, band: 'Medium: a week to a month', score: 3 },
      { measure: 'leadTimeMedianHours', value: 1500, band: 'Low: over a month', score: 2 },
      { measure: 'changeFailurePercent', value: 3, band: 'Elite: 0–5%', score: 5 },
      { measure: 'changeFailurePercent', value: 10, band: 'High: 5–15%', score: 4 },
      { measure: 'changeFailurePercent', value: 20, band: 'Medium: 15–30%', score: 3 },
      { measure: 'changeFailurePercent', value: 40, band: 'Low: over 30%', score: 2 },
      { measure: 'recoveryMedianHours', value: 0.5, band: 'Elite: under an hour', score: 5 },
      { measure: 'recoveryMedianHours', value: 8, band: 'High: under a day', score: 4 },
      { measure: 'recoveryMedianHours', value: 72, band: 'Medium: a day to a week', score: 3 },
      { measure: 'recoveryMedianHours', value: 400, band: 'Low: over a week', score: 2 },
    ];
    for (const { measure, value, band, score } of BANDS) {
      it(`scores ${measure} = ${value} as ${score} (DORA ${band})`, () => {
        const question = allQuestions(DORA).find((q) => q.suggest?.measure === measure);
        assert.ok(question?.suggest, `no question is suggested from ${measure}`);
        assert.equal(scoreFromThresholds(question.suggest, value), score);
      });
    }
  });

  describe('CALMS (frameworks/calms.yaml)', () => {
    it('has the five CALMS domains with 28 questions in all', () => {
      assert.deepEqual(
        CALMS.domains.map((d) => d.name),
        ['Culture', 'Automation', 'Lean', 'Measurement', 'Sharing'],
      );
      assert.equal(allQuestions(CALMS).length, 28);
      assert.equal(CALMS.id, 'calms');
    });
  });

  for (const framework of [DORA, CALMS]) {
    describe(`${framework.id}: content every question needs`, () => {
      it('has domain weights that sum to 100', () => {
        assert.equal(
          framework.domains.reduce((sum, d) => sum + d.weight, 0),
          100,
        );
      });

      it('describes every domain', () => {
        for (const domain of framework.domains) assert.ok(domain.description?.trim(), domain.id);
      });

      it('explains every score from 0 to 5 for every question', () => {
        for (const question of allQuestions(framework)) {
          for (const score of [0, 1, 2, 3, 4, 5] as const) {
            assert.ok(question.guidance[score].text.trim().length > 0, `${question.id} score ${score}`);
          }
        }
      });

      it('gives every question a recommendation for each of the scores 1, 2 and 3', () => {
        for (const question of allQuestions(framework)) {
          for (const score of [1, 2, 3]) {
            assert.ok(
              question.recommendations.some((r) => r.scores.includes(score)),
              `${question.id} has no recommendation for score ${score}`,
            );
          }
        }
      });

      it('gives every question a roadmap item whose dependencies are other questions of the framework', () => {
        for (const question of allQuestions(framework)) {
          assert.ok(question.roadmap, `${question.id} has no roadmap`);
          for (const dependency of question.roadmap.dependsOn) {
            assert.notEqual(dependency, question.id);
            assert.ok(findQuestion(framework, dependency), `${question.id} depends on unknown ${dependency}`);
          }
        }
      });

      it('has risk and monitoring sections for the report', () => {
        assert.ok(framework.risks.length >= 4);
        assert.ok(framework.monitoring.length >= 4);
      });
    });
  }

  describe('example assessment (media/example/assessment.json)', () => {
    it('loads cleanly and names the shipped DORA framework and version', () => {
      const { assessment } = readExample();
      assert.deepEqual(assessment.framework, { id: DORA.id, version: DORA.version });
      assert.equal(assessment.$schema, undefined, 'no remote $schema: jsonValidation validates .dora/*.json offline');
    });

    it('answers every DORA question and nothing else', () => {
      const { assessment } = readExample();
      assert.deepEqual(
        Object.keys(assessment.answers).sort(),
        allQuestions(DORA)
          .map((q) => q.id)
          .sort(),
      );
    });

    it('scores to a level with every domain rated and no orphaned answers', () => {
      const score = scoreAssessment(DORA, readExample().assessment);
      assert.ok(score.level, 'no overall level');
      assert.deepEqual(score.orphans, []);
      for (const domain of score.domains) assert.ok(domain.level, `${domain.name} has no level`);
    });

    it('keeps git evidence whose suggested score follows from the framework thresholds', () => {
      const { assessment } = readExample();
      const withEvidence = Object.entries(assessment.answers).filter(([, answer]) => answer.evidence);
      assert.ok(withEvidence.length >= 2);
      for (const [id, answer] of withEvidence) {
        const suggest = findQuestion(DORA, id)?.suggest;
        assert.ok(suggest, `${id} carries evidence but has no suggest block`);
        assert.equal(answer.evidence!.measure, suggest.measure);
        assert.equal(answer.evidence!.suggestedScore, scoreFromThresholds(suggest, answer.evidence!.value));
      }
    });

    it('is stored in the stable serialization, so saving it again changes nothing', () => {
      const { text, assessment } = readExample();
      assert.equal(serializeAssessment(assessment, DORA), text);
    });
  });
});
