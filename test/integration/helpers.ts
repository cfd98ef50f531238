/** Helpers shared by the integration suites: they drive the real extension and read results back. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AiNewsApi } from '../../src/editor/testApi';

export const EXTENSION_ID = 'ai-news-annotator.ai-news-annotator';

export async function extensionApi(): Promise<AiNewsApi> {
  const extension = vscode.extensions.getExtension<AiNewsApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.isActive ? extension.exports : extension.activate();
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests run with a workspace folder open');
  return folder;
}

export function workspacePath(...parts: string[]): string {
  return path.join(workspaceFolder().uri.fsPath, ...parts);
}

/** Polls until the condition returns a truthy value; fails with the message after the timeout. */
export async function waitFor<T>(
  condition: () => T | false | null | undefined | Promise<T | false | null | undefined>,
  message: string,
  timeoutMs = 8000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const last = await condition();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms: ${message}`);
}

/** Opens a seed article through the extension's own command; resolves to its editor. */
export async function openSeed(file: string): Promise<vscode.TextEditor> {
  const uri = await vscode.commands.executeCommand<vscode.Uri>('aiNews.openSeedArticle', { file });
  assert.ok(uri, `${file} opened`);
  return waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()), `${file} shows in an editor`);
}

/** Writes a fresh article into articles/ and opens it. */
export async function openArticle(name: string, text: string): Promise<vscode.TextEditor> {
  const file = workspacePath('articles', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(document, { preview: false });
}

export function annotationFilePath(): string {
  return workspacePath('.ainews', 'annotations.json');
}

export interface FileAnnotation {
  id: string;
  article: string;
  status: string;
  note: string;
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  evidence?: string[];
  history?: unknown[];
  reviewBy?: string;
}

/** The annotations in the JSON file on disk (what teammates get through git). */
export function annotationsOnDisk(): FileAnnotation[] {
  if (!fs.existsSync(annotationFilePath())) return [];
  return (JSON.parse(fs.readFileSync(annotationFilePath(), 'utf8')) as { annotations: FileAnnotation[] }).annotations;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Asks the test runner (outside VS Code) for a screenshot of the browser window. */
export async function screenshot(name: string): Promise<string | undefined> {
  const shots = process.env.AINEWS_TEST_SHOTS;
  const target = process.env.AINEWS_SCREENSHOT_DIR;
  if (!shots || !target) return undefined;
  fs.mkdirSync(target, { recursive: true });
  const file = path.join(target, `${name}.png`);
  fs.writeFileSync(path.join(shots, `${name}.request`), file);
  await waitFor(() => fs.existsSync(path.join(shots, `${name}.done`)), `screenshot ${name}`, 15000);
  return file;
}

/** What a person does in the workbench: click the first visible of `click` (CSS selectors), type, press keys. */
export interface PersonAction {
  click?: string[];
  type?: string;
  press?: string[];
  /** A CSS selector whose elements are read afterwards (see readInWorkbench). */
  read?: string;
}

/** An element of the workbench as a person sees it: its text and where its links lead. */
export interface SeenElement {
  text: string;
  links: string[];
}

/**
 * Asks the test runner (outside VS Code) to click and type in the browser window, for what no
 * command reaches (a comment thread's reply box). Resolves false where the runner cannot (a desktop
 * VS Code under @vscode/test-electron); throws with the runner's reason when it failed.
 */
export async function actLikeAPerson(name: string, action: PersonAction): Promise<boolean> {
  const shots = process.env.AINEWS_TEST_SHOTS;
  if (!shots) return false;
  fs.writeFileSync(path.join(shots, `${name}.ui`), JSON.stringify(action));
  const outcome = await waitFor(() => ['done', 'failed'].find((end) => fs.existsSync(path.join(shots, `${name}.${end}`))), `the runner acts: ${name}`, 15000);
  if (outcome === 'failed') throw new Error(`the runner could not act (${name}): ${fs.readFileSync(path.join(shots, `${name}.failed`), 'utf8')}`);
  return true;
}

/**
 * Asks the test runner to read what the workbench shows (elements matching a CSS selector, e.g. the
 * notifications): what no API of the extension host returns. Undefined where the runner cannot (a
 * desktop VS Code under @vscode/test-electron).
 */
export async function readInWorkbench(name: string, selector: string): Promise<SeenElement[] | undefined> {
  const shots = process.env.AINEWS_TEST_SHOTS;
  if (!shots) return undefined;
  // A name may be read again (polling): the last answer must not count.
  for (const end of ['done', 'failed']) fs.rmSync(path.join(shots, `${name}.${end}`), { force: true });
  if (!(await actLikeAPerson(name, { read: selector }))) return undefined;
  return JSON.parse(fs.readFileSync(path.join(shots, `${name}.done`), 'utf8') || '[]') as SeenElement[];
}
