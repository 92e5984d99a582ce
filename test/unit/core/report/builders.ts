import type { Framework, Roadmap } from '../../../../src/core/framework/schema';
import { framework } from '../../builders/framework';
import type { DomainSpec } from '../../builders/framework';

export type RoadmapSpec = Partial<Roadmap> & { days: number };

/**
 * A framework from the shared builder, with roadmap entries for the questions named in `roadmaps`.
 * Titles default to "Improve <id>", priority to medium, complexity to low.
 */
export function frameworkWithRoadmap(domains: DomainSpec[], roadmaps: Record<string, RoadmapSpec>): Framework {
  const built = framework(domains);
  return {
    ...built,
    domains: built.domains.map((d) => ({
      ...d,
      questions: d.questions.map((q) => {
        const spec = roadmaps[q.id];
        if (!spec) return q;
        return {
          ...q,
          roadmap: { title: `Improve ${q.id}`, priority: 'medium', complexity: 'low', dependsOn: [], ...spec },
        };
      }),
    })),
  };
}
