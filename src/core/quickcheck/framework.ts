import type { Framework, Question } from '../framework/schema';
import { METRICS } from '../vocabulary/metrics';
import { QUICK_CHECK_QUESTIONS } from './questions';
import type { QuickCheckQuestion } from './questions';
import { QUICK_CHECK_FRAMEWORK_ID, QUICK_CHECK_FRAMEWORK_VERSION, QUICK_CHECK_NAME } from './schema';

/**
 * The Quick Check as a framework, so its files travel the same road as every assessment: the host finds
 * it by id, the store writes its answers in question order, the panel and the views list it. Its answers
 * are bands and percentages scored 0–10 by `scoreQuickCheck`, never by the 0–5 practice scale; the six
 * guidance entries of each question describe its answer scale, worst first, for anyone reading the YAML-like
 * structure (the Quick Check screen shows the bands themselves).
 */
export const QUICK_CHECK_FRAMEWORK: Framework = {
  id: QUICK_CHECK_FRAMEWORK_ID,
  name: QUICK_CHECK_NAME,
  version: QUICK_CHECK_FRAMEWORK_VERSION,
  description:
    'DORA’s five key metrics of delivery performance, each answered as DORA’s Quick Check asks it, scored 0–10 and compared with DORA’s 2025 or 2024 benchmarks.',
  domains: [
    {
      id: 'throughput',
      name: 'Throughput',
      description: 'How fast changes flow to production.',
      weight: 60,
      questions: QUICK_CHECK_QUESTIONS.filter((q) => METRICS[q.id].group === 'throughput').map(toQuestion),
    },
    {
      id: 'instability',
      name: 'Instability',
      description: 'How often deployments go wrong.',
      weight: 40,
      questions: QUICK_CHECK_QUESTIONS.filter((q) => METRICS[q.id].group === 'instability').map(toQuestion),
    },
  ],
  risks: [],
  monitoring: [],
};

function toQuestion(question: QuickCheckQuestion): Question {
  const steps =
    question.kind === 'band'
      ? question.bands
      : ['100%', '80%', '60%', '40%', '20%', '0%'].map((p) => `About ${p} of deployments`);
  const guidance = (n: number) => ({ text: steps[n] ?? '' });
  return {
    id: question.key,
    text: question.prompt,
    help: METRICS[question.id].definition,
    weight: 1,
    guidance: { 0: guidance(0), 1: guidance(1), 2: guidance(2), 3: guidance(3), 4: guidance(4), 5: guidance(5) },
    recommendations: [],
  };
}
