// Loading hostile 1 MB files (issue 10): many answers, many keys, deep nesting, a large framework.
// Each is loaded three times; the best time is printed (the first includes JIT warm-up).
import { loadAssessment } from '../src/core/assessment/load';
import { loadFramework } from '../src/core/framework/load';
import { MAX_INPUT_CHARS } from '../src/core/problems';
import { bigFramework, deepNesting, manyAnswers, manyKeys } from '../test/unit/hostile/worstCase';

export const title = 'Hostile files: loading 1 MB worst cases';

export async function run(): Promise<void> {
  const limit = MAX_INPUT_CHARS - 1;
  const answers = manyAnswers(limit);
  const keys = manyKeys(limit);
  const deep = deepNesting((limit - 200) >> 1);
  const framework = bigFramework(limit);
  const count = (text: string, part: string) => (text.split(part).length - 1).toLocaleString('en');
  const cases: Array<[string, () => unknown]> = [
    [`assessment, ${count(answers, '"score"')} answers`, () => loadAssessment(answers)],
    [`assessment, ${count(keys, '":0')} keys in one object`, () => loadAssessment(keys)],
    [`assessment nested ${count(deep, '[')} deep (refused)`, () => loadAssessment(deep)],
    [`framework, ${count(framework, '- id: q')} questions`, () => loadFramework(framework)],
  ];
  for (const [name, load] of cases) {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      load();
      best = Math.min(best, performance.now() - start);
      await new Promise((resolve) => setImmediate(resolve));
    }
    console.log(`${name.padEnd(44)} ${best.toFixed(0).padStart(6)} ms`);
  }
}
