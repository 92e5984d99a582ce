/**
 * The panel's page: a template with tokens, filled by the host (and by the webview tests, which load the same
 * page in Chromium). No vscode here, so both can use it.
 */
import { jsonForHtml } from '../core/protocol';
import type { PanelState } from '../core/protocol';

export interface PageParts {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  readonly cspSource: string;
  /** Fresh for every page; only the script carrying it may run. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconsUri: string;
  readonly title: string;
  readonly state: PanelState;
}

/**
 * No inline style and no inline script: styles and fonts come from the extension's own folders, and the one
 * script must carry the nonce. The initial state is a JSON data block, which a CSP does not execute.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export const PANEL_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="#{csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" id="vscode-codicon-stylesheet" href="#{codiconsUri}">
  <link rel="stylesheet" href="#{styleUri}">
  <title>#{title}</title>
</head>
<body>
  <div id="app"></div>
  <script type="application/json" id="bootstrap">#{state}</script>
  <script nonce="#{nonce}" src="#{scriptUri}"></script>
</body>
</html>
`;

export function panelHtml(parts: PageParts): string {
  const tokens: Readonly<Record<string, string>> = {
    csp: escapeHtml(contentSecurityPolicy(parts.cspSource, parts.nonce)),
    codiconsUri: escapeHtml(parts.codiconsUri),
    styleUri: escapeHtml(parts.styleUri),
    scriptUri: escapeHtml(parts.scriptUri),
    nonce: escapeHtml(parts.nonce),
    title: escapeHtml(parts.title),
    state: jsonForHtml(parts.state),
  };
  return PANEL_TEMPLATE.replace(/#\{(\w+)\}/g, (_, name: string) => {
    const value = tokens[name];
    if (value === undefined) throw new Error(`the panel template names an unknown token #{${name}}`);
    return value;
  });
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
