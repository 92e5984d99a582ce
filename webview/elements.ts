// Only the components the panel uses, each from its own module, so the bundle carries nothing else.
// Radios are native <input type="radio">: vscode-radio exposes checkbox semantics to screen readers
// (vscode-elements/elements#612), and the score options must be announced as "Score N: …" radios.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import './stickyTabs';
