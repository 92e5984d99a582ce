import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { MetricsResult } from '../../src/core/metrics/result';
import type { PackageChoiceOffer } from '../../src/core/protocol';
import { plural } from '../../src/core/vocabulary/format';
import type { PanelActions } from './actions';

/** The option value that measures the whole repository; a package name is never empty. */
const WHOLE = '';

/**
 * A monorepo's package picker: measure one package, or the whole repository. Shown when release tags name
 * several packages (or one is measured). A `package:` in the team configuration wins, so the picker then
 * only says which package the file chose.
 */
export function packagePicker(result: MetricsResult, actions: PanelActions): TemplateResult | typeof nothing {
  const packages = result.deployments.packages ?? [];
  const measured = result.deployments.package?.name;
  if (packages.length < 2 && measured === undefined) return nothing;
  const chosenBy = result.settings?.choices['package']?.from;
  if (chosenBy === 'config' || chosenBy === 'flag')
    return html`<span class="package-picker muted"
      >Package ${measured}, set by <code>package:</code> in ${result.settings?.configFile ?? '.dora/config.yaml'}; edit
      the file to measure another.</span
    >`;
  const names = packages.map((p) => p.name);
  if (measured !== undefined && !names.includes(measured)) names.unshift(measured);
  const count = (name: string) => packages.find((p) => p.name === name)?.deployments;
  return html`<label class="package-picker"
    >Measure
    <vscode-single-select
      aria-label="Package to measure"
      .value=${measured ?? WHOLE}
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        if (value !== (measured ?? WHOLE)) actions.choosePackage(value === WHOLE ? null : value);
      }}
    >
      <vscode-option value=${WHOLE} ?selected=${measured === undefined}>The whole repository</vscode-option>
      ${names.map(
        (name) =>
          html`<vscode-option value=${name} ?selected=${name === measured}
            >${name}${count(name) === undefined ? '' : ` (${plural(count(name) ?? 0, 'release')} in the window)`}</vscode-option
          >`,
      )}
    </vscode-single-select></label
  >`;
}

/**
 * The way back when the package chosen here has no release tags (any more): measure the whole repository,
 * or choose one of the packages that have release tags. Without it the panel would show the error forever,
 * since the picker itself appears only beside figures.
 */
export function packageRecovery(offer: PackageChoiceOffer, actions: PanelActions): TemplateResult {
  return html`<div class="package-recovery" role="group" aria-label="Choose what to measure">
    <vscode-button @click=${() => actions.choosePackage(null)}>Measure the whole repository</vscode-button>
    ${
      offer.packages.length > 0
        ? html`<label class="package-picker"
            >or the package
            <vscode-single-select
              aria-label="Package to measure"
              .value=${WHOLE}
              @change=${(event: Event) => {
                const value = (event.target as HTMLSelectElement).value;
                if (value !== WHOLE) actions.choosePackage(value);
              }}
            >
              <vscode-option value=${WHOLE} selected>Choose a package…</vscode-option>
              ${offer.packages.map((name) => html`<vscode-option value=${name}>${name}</vscode-option>`)}
            </vscode-single-select></label
          >`
        : nothing
    }
  </div>`;
}
