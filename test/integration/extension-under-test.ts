import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import manifest from '../../package.json';

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/** The extension as the host loaded it (from extensionDevelopmentPath), activated. */
export async function activatedExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `VS Code did not load ${EXTENSION_ID}; is package.json valid for VS Code ${vscode.version}?`);
  await extension.activate();
  return extension;
}

/** Ids under contributes.commands of the manifest the host loaded. */
export function contributedCommandIds(extension: vscode.Extension<unknown>): string[] {
  const json: unknown = extension.packageJSON;
  const commands = (json as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
  return commands.map((entry) => entry.command);
}

/** Whether `version` (x.y.z) satisfies a `^x.y.z` or `>=x.y.z` engines range. */
export function meetsEngineRange(version: string, range: string): boolean {
  const match = /^(\^|>=)?(\d+)\.(\d+)\.(\d+)/.exec(range.trim());
  assert.ok(match, `Unsupported engines.vscode range "${range}"`);
  const required = [Number(match[2]), Number(match[3]), Number(match[4])];
  const actual = version.split(/[.-]/).slice(0, 3).map(Number);
  if (match[1] === '^' && actual[0] !== required[0]) return false;
  for (let i = 0; i < 3; i++) {
    const a = actual[i] ?? 0;
    const r = required[i] ?? 0;
    if (a !== r) return a > r;
  }
  return true;
}
