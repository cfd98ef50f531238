/**
 * "AI News: Import Article from URL… / from HTML File… / from Clipboard": a web page or saved page
 * becomes a markdown article with provenance in `articles/`, opened with its highlights.
 *
 * The fetch, the read and the write live in their own bundle, dist/importer.js, loaded the first
 * time an import runs: activation never pays for them. The extraction and its libraries (linkedom,
 * Readability, unified's HTML tools) run in a worker thread from dist/importWorker.js with a time
 * limit, stopped on Cancel: a page that is slow to extract never blocks the extension host.
 */
import * as vscode from 'vscode';
import { clipboardSource, importSourceName, isSingleWebAddress, type ImportCommandSource } from '../../core/import/importCommandSources';
import type * as Importer from '../../core/import/editorImport.js';
import { ARTICLES_FOLDER } from '../../core/import/seedArticles';
import { chooseFolder, explain, withCancellableProgress, type CommandContext } from './context';

/** Loads the importer bundle once per call site; node caches the module after the first load. */
function loadImporter(extensionUri: vscode.Uri): typeof Importer {
  // A runtime require of a separate bundle keeps the libraries out of the extension's activation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(vscode.Uri.joinPath(extensionUri, 'dist', 'importer.js').fsPath) as typeof Importer;
}

/** Options of the import commands for tests and keybindings: a shorter time limit for the extraction. */
interface ImportLimits {
  timeLimitMs?: number;
}

/** Imports one source with a cancellable progress notification; resolves to the written file. */
async function importOne(ctx: CommandContext, folder: vscode.WorkspaceFolder, source: ImportCommandSource, limits: ImportLimits = {}): Promise<vscode.Uri | undefined> {
  const importer = loadImporter(ctx.extensionUri);
  const what = importSourceName(vscode.l10n, source, (path) => vscode.workspace.asRelativePath(path));
  return withCancellableProgress(vscode.l10n.t('Importing {0}…', what), true, async (signal) => {
    const input = await importer.loadCommandSource(source, signal);
    // Cancel terminates the worker; the fetch above is cancelled by the same signal.
    const article = await importer.importInWorker(input, { signal, ...(limits.timeLimitMs ? { timeLimitMs: limits.timeLimitMs } : {}) });
    const uri = vscode.Uri.file(await importer.writeImportedArticle(article, vscode.Uri.joinPath(folder.uri, ARTICLES_FOLDER).fsPath));
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  }, (reason) => vscode.l10n.t('Could not import {0}: {1}', what, reason));
}

/** The workspace folder whose articles/ an import is saved in. */
function importFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  return chooseFolder(
    vscode.l10n.t('Open a folder first: imported articles are saved in its articles/ folder and shared through git.'),
    vscode.l10n.t('Which folder should hold the article?'),
  );
}

/** "Import Article from URL…": `args.url` skips the prompt (tests, keybindings). */
async function importFromUrl(ctx: CommandContext, args?: { url?: string } & ImportLimits): Promise<vscode.Uri | undefined> {
  const folder = await importFolder();
  if (!folder) return undefined;
  let url = args?.url;
  if (!url) {
    const clipboard = (await vscode.env.clipboard.readText()).trim();
    url = await vscode.window.showInputBox({
      title: vscode.l10n.t('Import Article from URL'),
      prompt: vscode.l10n.t('The page is fetched once (no images or scripts) and saved as markdown in articles/.'),
      placeHolder: 'https://',
      value: isSingleWebAddress(clipboard) ? clipboard : '',
      validateInput: (value) => (isSingleWebAddress(value) ? undefined : vscode.l10n.t('Enter an http:// or https:// address.')),
    });
  }
  return url ? importOne(ctx, folder, { kind: 'url', url: url.trim() }, args) : undefined;
}

/** "Import Article from HTML File…": `args.files` skips the dialog. Resolves to the written files. */
async function importFromHtmlFile(ctx: CommandContext, args?: { files?: string[] } & ImportLimits): Promise<vscode.Uri[]> {
  const folder = await importFolder();
  if (!folder) return [];
  const files = args?.files ?? (await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Import Article from HTML File'),
    canSelectMany: true,
    filters: { [vscode.l10n.t('Saved web pages')]: ['html', 'htm'] },
    openLabel: vscode.l10n.t('Import'),
  }))?.map((uri) => uri.fsPath) ?? [];
  const written: vscode.Uri[] = [];
  for (const path of files) {
    const uri = await importOne(ctx, folder, { kind: 'file', path }, args);
    if (uri) written.push(uri);
  }
  return written;
}

/** "Import Article from Clipboard": an address is fetched, HTML is extracted, plain text kept as is. */
async function importFromClipboard(ctx: CommandContext): Promise<vscode.Uri | undefined> {
  const folder = await importFolder();
  if (!folder) return undefined;
  const text = await vscode.env.clipboard.readText();
  if (text.trim() === '') return explain(vscode.l10n.t('The clipboard is empty: copy an article, a web page\'s HTML or its address first.'));
  return importOne(ctx, folder, clipboardSource(text));
}

export function registerImportCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.importArticleFromUrl', (args?: { url?: string } & ImportLimits) => importFromUrl(ctx, args)),
    vscode.commands.registerCommand('aiNews.importArticleFromHtmlFile', (args?: { files?: string[] } & ImportLimits) => importFromHtmlFile(ctx, args)),
    vscode.commands.registerCommand('aiNews.importArticleFromClipboard', () => importFromClipboard(ctx)),
  ];
}
