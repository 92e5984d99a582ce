import { frameworkSchema, MEASURES } from './schema';
import type { Framework } from './schema';
import { formatPath, MAX_INPUT_CHARS, tooLarge } from '../problems';
import type { LoadResult, Problem } from '../problems';
import { MAX_ALIAS_COUNT, parsePositioned } from '../text/positions';
import type { PositionedDocument } from '../text/positions';
import { yamlProblem } from '../text/yamlProblem';
import { zodProblems } from '../text/zodProblems';

/**
 * Parses and checks a framework YAML file. Never throws: every syntax error, schema violation and
 * cross-reference problem comes back positioned, all of them at once.
 */
export function loadFramework(text: string, file?: string): LoadResult<Framework> {
  if (text.length > MAX_INPUT_CHARS) return { ok: false, problems: [tooLarge(file, text.length)] };
  let positions: PositionedDocument;
  try {
    positions = parsePositioned(text);
  } catch (error) {
    return { ok: false, problems: [{ severity: 'error', file, message: `could not read YAML: ${messageOf(error)}` }] };
  }
  const { document } = positions;
  const syntax = [
    ...document.errors.map((e) => yamlProblem(positions, e, 'error', file)),
    ...positions.structure.map((p) => ({
      severity: 'error' as const,
      file,
      ...positions.at(p.offset),
      message: p.message,
    })),
  ];
  const warnings = document.warnings.map((w) => yamlProblem(positions, w, 'warning', file));
  if (syntax.length > 0) return { ok: false, problems: [...syntax, ...warnings] };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, problems: [{ severity: 'error', file, message: `could not read YAML: ${messageOf(error)}` }] };
  }
  if (data === null || data === undefined) {
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          column: 1,
          message: 'the file is empty; a framework needs id, name, version, description and domains',
        },
      ],
    };
  }
  const parsed = frameworkSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: [...zodProblems(parsed.error, file, positions), ...warnings] };

  const semantic = checkFramework(parsed.data, file, positions);
  if (semantic.length > 0) return { ok: false, problems: [...semantic, ...warnings] };
  return { ok: true, value: parsed.data, warnings };
}

/** Rules zod cannot express on one node: weights, unique ids, references between questions. */
export function checkFramework(framework: Framework, file?: string, positions?: PositionedDocument): Problem[] {
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
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
