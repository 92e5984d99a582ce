/** `--name value` and `--flag` pairs; the runners have few options and no need for a parser dependency. */
export function parseArgs(
  argv: readonly string[],
  known: { readonly values: readonly string[]; readonly flags: readonly string[] },
): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const name = arg.replace(/^--/, '');
    if (known.flags.includes(name)) options.set(name, 'true');
    else if (known.values.includes(name) && i + 1 < argv.length) options.set(name, argv[++i] ?? '');
    else
      throw new Error(
        `Unknown option "${arg}". Options: ${[...known.values.map((v) => `--${v} <value>`), ...known.flags.map((f) => `--${f}`)].join(', ')}`,
      );
  }
  return options;
}
