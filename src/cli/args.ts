import { CliError } from './command';

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

/**
 * A small, strict parser: `--name value`, `--name=value`, `-o value` and boolean flags.
 * Unknown flags are an error, so a typo never silently changes what a command does.
 */
export function parseArgs(
  args: readonly string[],
  spec: { values?: readonly string[]; booleans?: readonly string[]; aliases?: Record<string, string> },
): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const booleans = new Set(spec.booleans ?? []);
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const rawName = eq > 0 ? arg.slice(0, eq) : arg;
    const name = spec.aliases?.[rawName] ?? rawName.replace(/^--?/, '');
    if (booleans.has(name)) {
      if (eq > 0) throw new CliError(`${rawName} takes no value`);
      flags.set(name, true);
    } else if (values.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new CliError(`${rawName} needs a value`);
      flags.set(name, value);
    } else {
      throw new CliError(`unknown option ${rawName}; run "dora-assess help" for the options`);
    }
  }
  return { positional, flags };
}

export function flagString(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}
