import * as vscode from 'vscode';
import { COMMAND_IDS } from '../contracts/ids';
import { createTeamConfigCommand } from './createTeamConfig';
import { showGitMetricsCommand, suggestFromGitCommand } from './gitCommands';
import type { HostContext } from './hostContext';
import { newAssessmentCommand, quickCheckCommand } from './newAssessment';
import { openAssessmentCommand, openInPanelCommand } from './openAssessment';
import { revealAssessmentCommand } from './revealAssessment';

type Handler = (...args: unknown[]) => unknown;

/**
 * The command handlers, by id; `activate` registers thin stubs that call these once the host is loaded.
 * `extra` carries commands built elsewhere (the report). A command that throws shows one message saying
 * what failed and where the details are, instead of VS Code's bare "command resulted in an error".
 */
export function commandHandlers(
  host: HostContext,
  extra: Partial<Record<string, Handler>> = {},
): Record<string, Handler> {
  const handlers: Record<string, Handler> = {
    [COMMAND_IDS.newAssessment]: newAssessmentCommand(host),
    [COMMAND_IDS.quickCheck]: quickCheckCommand(host),
    [COMMAND_IDS.openAssessment]: openAssessmentCommand(host),
    [COMMAND_IDS.openInPanel]: openInPanelCommand(host),
    [COMMAND_IDS.suggestFromGit]: suggestFromGitCommand(host),
    [COMMAND_IDS.showGitMetrics]: showGitMetricsCommand(host),
    [COMMAND_IDS.refreshAssessments]: () => host.tree.refresh(),
    [COMMAND_IDS.revealAssessment]: revealAssessmentCommand(),
    [COMMAND_IDS.createTeamConfig]: createTeamConfigCommand(host),
  };
  for (const [id, handler] of Object.entries(extra)) if (handler) handlers[id] = handler;
  return Object.fromEntries(Object.entries(handlers).map(([id, handler]) => [id, guarded(host, id, handler)]));
}

function guarded(host: HostContext, id: string, handler: Handler): Handler {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      host.log.error(`${id} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      void vscode.window.showErrorMessage(`DORA: ${message}`, 'Show Log').then((choice) => {
        if (choice) host.log.show();
      });
      return undefined;
    }
  };
}
