import type { CliCommand } from './command';
import { frameworksCommand } from './commands/frameworks';
import { initCommand } from './commands/init';
import { metricsCommand } from './commands/metrics';
import { newCommand } from './commands/new';
import { reportCommand } from './commands/report';
import { scoreCommand } from './commands/score';
import { validateCommand } from './commands/validate';

/** Every sub-command, in the order `help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  newCommand,
  scoreCommand,
  metricsCommand,
  initCommand,
  reportCommand,
  frameworksCommand,
];
