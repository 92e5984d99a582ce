import type { CliCommand } from './command';
import { frameworksCommand } from './commands/frameworks';
import { newCommand } from './commands/new';
import { scoreCommand } from './commands/score';
import { validateCommand } from './commands/validate';

/** Every sub-command, in the order `help` lists them. */
export const COMMANDS: readonly CliCommand[] = [validateCommand, newCommand, scoreCommand, frameworksCommand];
