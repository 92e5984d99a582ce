import { frameworkSchema, MEASURES } from './schema';
import type { Framework } from './schema';
import { formatPath } from '../problems';
import type { LoadResult, Problem } from '../problems';
import { loadYamlWith } from '../text/loadYaml';
import type { Locator } from '../text/zodProblems';

/**
 * Parses and checks a framework YAML file. Never throws: every syntax error, schema violation and
 * cross-reference problem comes back positioned, all of them at once.
 */
export function loadFramework(text: string, file?: string): LoadResult<Framework> {
  const loaded = loadYamlWith(
    frameworkSchema,
    text,
    file,
    'the file is empty; a framework needs id, name, version, description and domains',
  );
  if (!loaded.ok) return loaded;
  const semantic = checkFramework(loaded.value, file, loaded.positions);
  if (semantic.length > 0) return { ok: false, problems: [...semantic, ...loaded.warnings] };
  return { ok: true, value: loaded.value, warnings: loaded.warnings };
}

/** Rules zod cannot express on one node: weights, unique ids, references between questions. */
export function checkFramework(framework: Framework, file?: string, positions?: Locator): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PropertyKey[], message: string) => {
    const position = positions?.locate(path);
    problems.push({
      severity: 'error',
      file,
      line: position?.line,
      column: position?.column,
      path: formatPath(path),
      message,
    });
  };

  const total = framework.domains.reduce((sum, domain) => sum + domain.weight, 0);
  if (Math.abs(total - 100) > 1e-6) {
    report(['domains'], `domain weights sum to ${round(total)}, not 100; adjust them so they add up to 100`);
  }

  const domainIds = new Map<string, number>();
  const questionIds = new Map<string, string>();
  framework.domains.forEach((domain, d) => {
    if (domainIds.has(domain.id))
      report(['domains', d, 'id'], `domain id "${domain.id}" is used twice; ids must be unique`);
    domainIds.set(domain.id, d);
    domain.questions.forEach((question, q) => {
      if (questionIds.has(question.id))
        report(
          ['domains', d, 'questions', q, 'id'],
          `question id "${question.id}" is used twice; ids must be unique in the framework`,
        );
      questionIds.set(question.id, domain.id);
      if (question.suggest && MEASURES[question.suggest.measure] !== question.suggest.metric) {
        report(
          ['domains', d, 'questions', q, 'suggest', 'measure'],
          `measure "${question.suggest.measure}" belongs to metric "${MEASURES[question.suggest.measure]}", not "${question.suggest.metric}"`,
        );
      }
    });
  });

  framework.domains.forEach((domain, d) => {
    domain.questions.forEach((question, q) => {
      (question.roadmap?.dependsOn ?? []).forEach((dependency, i) => {
        const path = ['domains', d, 'questions', q, 'roadmap', 'dependsOn', i];
        if (dependency === question.id) report(path, `question "${question.id}" cannot depend on itself`);
        else if (!questionIds.has(dependency))
          report(path, `dependsOn names "${dependency}", which is not a question id in this framework`);
      });
    });
  });

  const cycle = findCycle(framework);
  if (cycle)
    report(
      ['domains'],
      `roadmap dependencies form a cycle: ${cycle.join(' → ')}; remove one of these dependsOn entries`,
    );
  return problems;
}

function findCycle(framework: Framework): string[] | undefined {
  const edges = new Map<string, readonly string[]>();
  for (const domain of framework.domains) {
    for (const question of domain.questions) edges.set(question.id, question.roadmap?.dependsOn ?? []);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (next === node || !edges.has(next)) continue;
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
