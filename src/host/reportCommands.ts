import type { HostContext } from '../commands/hostContext';
import { generateReportCommand } from '../commands/generateReport';
import { pickAssessment } from '../commands/openAssessment';
import { COMMAND_IDS } from './contracts';

/** The report command (src/commands/generateReport.ts), given the host's store, git service and panels. */
export function reportCommands(host: HostContext): Record<string, (...args: unknown[]) => unknown> {
  return {
    [COMMAND_IDS.generateReport]: generateReportCommand({
      log: host.log,
      openDocument: (uri) => host.documents.open(uri),
      gitInsights: (document, options) => host.git.forDocument(document, options ?? {}),
      activeAssessment: () => host.panels.activeUri(),
      pickAssessment: (title) => pickAssessment(host, title),
    }),
  };
}
