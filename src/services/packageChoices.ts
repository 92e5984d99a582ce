import type { ChoiceLayer } from '../core/config/resolve';
import type { GitInsights } from '../contracts/seams';
import type { PackageWithoutTags } from '../git/errors';

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

/**
 * An analysis refused because the package the picker remembered has no release tags (they were deleted,
 * or the package was renamed): the reason, with the packages that have release tags, so the panel offers
 * the picker again instead of a dead end. undefined for any other failure, and for a package the team
 * configuration names: only an edit of the file changes that one, and its error points at the line.
 */
export function chosenPackageUnavailable(
  error: { readonly packageWithoutTags?: PackageWithoutTags | undefined },
  remembered: string | undefined,
): Extract<GitInsights, { kind: 'unavailable' }> | undefined {
  const missing = error.packageWithoutTags;
  if (!missing || remembered === undefined || missing.name !== remembered) return undefined;
  const packages = missing.packagesWithTags.filter((name) => name !== remembered);
  return {
    kind: 'unavailable',
    reason: `The package "${remembered}", chosen in this panel, has no release tags in this repository, so git was not measured. ${packages.length > 0 ? 'Choose another package, or measure the whole repository.' : 'No tag names a package now: measure the whole repository.'}`,
    packageChoice: { chosen: remembered, packages },
  };
}
