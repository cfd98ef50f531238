/**
 * "AI News: Open Seed Article": the bundled sample articles, copied into the workspace so that they
 * can be annotated and shared through git.
 */
import * as vscode from 'vscode';
import { seedCopyName } from '../core/import/articleFileName';
import { ARTICLES_FOLDER, parseSeedManifest, seedPickItem, type SeedArticle } from '../core/import/seedArticles';
import { inertNotificationText } from '../core/notificationText';

/** Reads the seed manifest shipped with the extension. */
export async function readSeedManifest(extensionUri: vscode.Uri): Promise<SeedArticle[]> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'seeds', 'manifest.json'));
  return parseSeedManifest(new TextDecoder().decode(bytes));
}

async function pickSeed(seeds: SeedArticle[]): Promise<SeedArticle | undefined> {
  const picked = await vscode.window.showQuickPick(seeds.map((seed) => seedPickItem(vscode.l10n, seed)), {
    title: vscode.l10n.t('Open Seed Article'),
    placeHolder: vscode.l10n.t('Choose a bundled article to check'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.seed;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies the seed into `articles/` of the folder under a readable name
 * (`2025-01-alibaba-launcht-qwen-2-5.txt`) unless a copy is already there; returns the copy. A copy
 * under the seed's own file name, made by earlier versions, is kept and used.
 */
export async function copySeedIntoFolder(extensionUri: vscode.Uri, folder: vscode.WorkspaceFolder, seed: SeedArticle): Promise<vscode.Uri> {
  const earlierCopy = vscode.Uri.joinPath(folder.uri, ARTICLES_FOLDER, seed.file);
  if (await exists(earlierCopy)) return earlierCopy;
  const target = vscode.Uri.joinPath(folder.uri, ARTICLES_FOLDER, seedCopyName(seed));
  if (!(await exists(target))) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, ARTICLES_FOLDER));
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'seeds', seed.file), target, { overwrite: false });
  }
  return target;
}

async function chooseFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder should hold the article?') });
}

/**
 * Opens a seed article: `args.file` names one directly (for keybindings and tests), otherwise a quick
 * pick asks. Resolves to the opened document's URI, or undefined when the user cancelled.
 */
export async function openSeedArticle(extensionUri: vscode.Uri, args?: { file?: string }): Promise<vscode.Uri | undefined> {
  const seeds = await readSeedManifest(extensionUri);
  const seed = args?.file ? seeds.find((s) => s.file === args.file) : await pickSeed(seeds);
  if (!seed) {
    if (args?.file) void vscode.window.showErrorMessage(vscode.l10n.t('There is no seed article named {0}.', inertNotificationText(args.file)));
    return undefined;
  }
  if (!vscode.workspace.workspaceFolders?.length) return openReadOnly(extensionUri, seed);
  const folder = await chooseFolder();
  if (!folder) return undefined;
  const copy = await copySeedIntoFolder(extensionUri, folder, seed);
  await vscode.window.showTextDocument(copy, { preview: false });
  return copy;
}

async function openReadOnly(extensionUri: vscode.Uri, seed: SeedArticle): Promise<vscode.Uri> {
  const original = vscode.Uri.joinPath(extensionUri, 'seeds', seed.file);
  await vscode.window.showTextDocument(original, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
  const openFolder = vscode.l10n.t('Open Folder…');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t('The article is open read-only. Annotations are stored in .ainews/annotations.json inside a workspace folder and shared through git: open a folder to annotate it.'),
      openFolder,
    )
    .then((choice) => (choice === openFolder ? vscode.commands.executeCommand('vscode.openFolder') : undefined));
  return original;
}
