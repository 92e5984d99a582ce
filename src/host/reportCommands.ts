import type { HostContext } from '../commands/hostContext';
import { generateReportCommand } from '../commands/generateReport';
import type { GenerateReportDeps } from '../commands/generateReport';
import { pickAssessment } from '../commands/openAssessment';
import { COMMAND_IDS } from './contracts';

/** The report commands (src/commands/generateReport.ts), Markdown and HTML,, given the host's store, git service and panels. */
export function reportCommands(host: HostContext): Record<string, (...args: unknown[]) => unknown> {
  const deps: GenerateReportDeps = {
    log: host.log,
    parser: host.parser,
    openDocument: (uri) => host.documents.open(uri),
    gitInsights: (document, options) => host.git.forDocument(document, options ?? {}),
    activeAssessment: () => host.panels.activeUri(),
    pickAssessment: (title) => pickAssessment(host, title),
  };
  return {
    [COMMAND_IDS.generateReport]: generateReportCommand(deps),
    [COMMAND_IDS.exportReportHtml]: generateReportCommand(deps, { html: true }),
  };
}
