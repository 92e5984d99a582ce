/**
 * The VS Code builds the harness runs against, as rust-analyzer does with its minimum and stable:
 * the oldest code-server that still runs on the system Node 20 (the floor for `engines.vscode`),
 * and the newest, which needs Node 24 (taken from npm's `node@24` package, nothing else to download).
 */
export interface VsCodeTarget {
  /** Name used on the command line (`--target min`). */
  readonly name: 'min' | 'latest';
  readonly codeServerVersion: string;
  readonly vscodeVersion: string;
  /** `system` = the Node running the harness (must be 20.x); otherwise the npm `node` package spec. */
  readonly node: 'system' | 'node@24';
}

export const TARGETS: readonly VsCodeTarget[] = [
  { name: 'min', codeServerVersion: '4.100.3', vscodeVersion: '1.100.3', node: 'system' },
  { name: 'latest', codeServerVersion: '4.139.1', vscodeVersion: '1.139.1', node: 'node@24' },
];

/** Resolves `min`, `latest`, `all` or a comma list into targets, keeping the given order. */
export function selectTargets(spec: string): VsCodeTarget[] {
  if (spec === 'all') return [...TARGETS];
  return spec.split(',').map((name) => {
    const target = TARGETS.find((t) => t.name === name.trim());
    if (!target)
      throw new Error(`Unknown VS Code target "${name}". Use one of: ${TARGETS.map((t) => t.name).join(', ')}, all.`);
    return target;
  });
}
