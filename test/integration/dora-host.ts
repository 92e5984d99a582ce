import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DoraExtensionApi, DoraHostApi } from '../../src/contracts/api';
import { activatedExtension } from './extension-under-test';

/** The extension's typed API, with its host loaded. */
export async function doraHost(): Promise<DoraHostApi> {
  const extension = await activatedExtension();
  return (extension.exports as DoraExtensionApi).host();
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder');
  return folder.uri.fsPath;
}

export function doraDir(): string {
  return path.join(workspaceRoot(), '.dora');
}

/** Resolves once `check` returns a value other than undefined/false; fails naming `what` after `limitMs`. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  limitMs = 15_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > limitMs) assert.fail(`waited ${limitMs / 1000}s for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An assessment file as written on disk: the fields the suites read, and whatever else it holds. */
interface AssessmentJson {
  $schema?: unknown;
  title?: unknown;
  team?: unknown;
  framework?: unknown;
  benchmark?: unknown;
  updatedAt?: unknown;
  answers: Record<string, { score?: number; notes?: string }>;
  [key: string]: unknown;
}

export const readJson = (file: string): AssessmentJson => JSON.parse(fs.readFileSync(file, 'utf8')) as AssessmentJson;

/** A valid DORA assessment file, written by hand as a person or another tool would. */
export function writeAssessment(
  file: string,
  answers: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): string {
  const text = `${JSON.stringify(
    {
      version: 1,
      framework: { id: 'dora', version: '1.0.0' },
      title: 'Written by the test',
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:00.000Z',
      answers,
      ...overrides,
    },
    null,
    2,
  )}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return text;
}

/** Closes every editor and panel, so each test starts from a clean window. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
