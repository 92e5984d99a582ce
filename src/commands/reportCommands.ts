import type { HostContext } from './hostContext';
import { generateReportCommand } from './generateReport';
import type { GenerateReportDeps } from './generateReport';
import { pickAssessment } from './openAssessment';
import { COMMAND_IDS } from '../contracts/ids';

/** The report commands (src/commands/generateReport.ts), Markdown and HTML, given the host's store, git service and panels. */
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
