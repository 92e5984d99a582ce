import type { ChoiceLayer } from '../core/config/resolve';

/** The part of vscode.Memento this needs (workspaceState), so it is tested without VS Code. */
export interface StateStore {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

const KEY = 'dora.git.packageByRepository';

/**
 * The package the panel's picker chose, per repository folder, kept in the workspace's state: a choice of
 * this editor, not of the team. `.dora/config.yaml`'s `package:` still wins (see withChosenPackage).
 */
export class PackageChoices {
  constructor(private readonly state: StateStore) {}

  get(repo: string): string | undefined {
    const chosen = this.all()[repo];
    return typeof chosen === 'string' && chosen !== '' ? chosen : undefined;
  }

  /** null measures the whole repository again. */
  async set(repo: string, name: string | null): Promise<void> {
    const others = Object.fromEntries(Object.entries(this.all()).filter(([folder]) => folder !== repo));
    await this.state.update(KEY, name === null ? others : { ...others, [repo]: name });
  }

  private all(): Record<string, unknown> {
    const stored = this.state.get(KEY);
    return typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  }
}

/**
 * The picker's package joins the VS Code settings layer: stronger than detection and the defaults, weaker
 * than the committed config and CLI flags, so a team that pins `package:` is measured the same everywhere.
 */
export function withChosenPackage(settings: ChoiceLayer, chosen: string | undefined): ChoiceLayer {
  return chosen === undefined ? settings : { ...settings, package: chosen };
}
