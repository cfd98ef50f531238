/**
 * "AI News: Add Evidence…" and "AI News: Open Evidence…": a web address or a local file as evidence
 * of an annotation, with an archived copy in `.ainews/evidence/` when the user asks for one.
 *
 * Nothing is fetched unless the user asked to archive; the fetch uses node's http/https from the
 * extension host, which VS Code routes through the user's proxy settings (`http.proxy`,
 * `http.proxySupport`). An archived copy opens as what it is: text in a read-only editor (HTML as
 * its source, through a content provider, never rendered in a webview), an image in VS Code's image preview, anything else in
 * the system's default app after asking.
 */
import * as vscode from 'vscode';
import {
  archiveLocalFile,
  checkArchivedCopy,
  evidenceItem,
  evidenceNamed,
  evidenceSourceOf,
  fetchAndArchive,
  readArchivedCopyText,
  sourceReference,
  webAddressProblem,
  withEvidenceItem,
  type EvidenceSource,
} from '../../core/evidence';
import { addressProblemMessage, archiveChoices, archivedCopyRefusal, evidencePickItem } from '../../core/evidence/evidenceWords';
import { inertNotificationText, NOTIFICATION_MESSAGE_LENGTH } from '../../core/notificationText';
import { evidenceUrl, type Annotation, type EvidenceArchive } from '../../core/store/annotation';
import { confirmScriptedPath, explain, requireAnnotation, run, withCancellableProgress, type AnnotationArgs, type CommandContext } from './context';

/** What tests, hover links and tree items may pass instead of asking. */
export interface AddEvidenceArgs extends AnnotationArgs {
  /** A web address. Without `file`, given a link the command asks nothing else. */
  link?: string;
  /**
   * An absolute path of a local file (always archived: a path on one machine means nothing to the team).
   * Outside the workspace folder, the user is asked first (see confirmScriptedPath).
   */
  file?: string;
  title?: string;
  quote?: string;
  /** Fetch the address and keep a copy. */
  archive?: boolean;
}

/** An input box for a web address with a "Choose file…" button; resolves to the source or undefined on Escape. */
function askSource(): Promise<EvidenceSource | undefined> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    const chooseFile: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('folder-opened'), tooltip: vscode.l10n.t('Choose file…') };
    input.title = vscode.l10n.t('Add evidence');
    input.prompt = vscode.l10n.t('A web address, or choose a local file (a saved mail, a PDF, a screenshot) with the folder button');
    input.placeholder = 'https://';
    input.buttons = [chooseFile];
    const subscriptions: vscode.Disposable[] = [];
    let choosingFile = false;
    const finish = (source: EvidenceSource | undefined): void => {
      subscriptions.forEach((s) => s.dispose());
      input.dispose();
      resolve(source);
    };
    const pickFile = async (): Promise<void> => {
      choosingFile = true;
      input.hide();
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Add as evidence'), title: vscode.l10n.t('Choose file…') });
      finish(picked?.[0] ? { kind: 'file', path: picked[0].fsPath } : undefined);
    };
    subscriptions.push(
      input.onDidChangeValue((value) => (input.validationMessage = value.trim() === '' ? undefined : addressProblemMessage(vscode.l10n, value))),
      input.onDidAccept(() => {
        if (webAddressProblem(input.value) === undefined) finish({ kind: 'url', url: input.value.trim() });
      }),
      input.onDidTriggerButton(() => void pickFile()),
      input.onDidHide(() => {
        if (!choosingFile) finish(undefined);
      }),
    );
    input.show();
  });
}

/** Asks for the optional title and quote; undefined when the user pressed Escape. */
async function askDetails(): Promise<{ title: string; quote: string } | undefined> {
  const title = await vscode.window.showInputBox({ title: vscode.l10n.t('Add evidence'), prompt: vscode.l10n.t('Title (optional): what the source is, e.g. "Press release of 29 January"') });
  if (title === undefined) return undefined;
  const quote = await vscode.window.showInputBox({ title: vscode.l10n.t('Add evidence'), prompt: vscode.l10n.t('Quote (optional): the passage of the source that settles the claim') });
  return quote === undefined ? undefined : { title, quote };
}

/** "Archive a copy?": true, false, or undefined on Escape. */
async function askArchive(url: string): Promise<boolean | undefined> {
  return (await vscode.window.showQuickPick(archiveChoices(vscode.l10n, url), { title: vscode.l10n.t('Archive a copy?') }))?.archive;
}

/** Fetches or reads the source with a cancellable progress notification and saves the copy; undefined when that failed (and was said) or was cancelled. */
function archiveWithProgress(ctx: CommandContext, folder: vscode.WorkspaceFolder, source: EvidenceSource): Promise<EvidenceArchive | undefined> {
  const maxBytes = ctx.settings.for(folder.uri).maxEvidenceArchiveBytes;
  const root = folder.uri.fsPath;
  const what = sourceReference(source);
  const save = async (signal: AbortSignal): Promise<EvidenceArchive> =>
    source.kind === 'file' ? archiveLocalFile(root, source.path, { maxBytes }) : (await fetchAndArchive(root, source.url, { maxBytes, signal })).archive;
  return withCancellableProgress(vscode.l10n.t('Archiving {0}…', what), source.kind === 'url', save, (reason) => vscode.l10n.t('Could not archive {0}: {1}', what, reason));
}

async function addEvidence(ctx: CommandContext, args?: AddEvidenceArgs): Promise<Annotation | undefined> {
  const found = requireAnnotation(ctx, args);
  if (!found) return undefined;
  const scripted = evidenceSourceOf(args) !== undefined;
  const source = evidenceSourceOf(args) ?? (await askSource());
  if (!source) return undefined;
  const problem = source.kind === 'url' ? addressProblemMessage(vscode.l10n, source.url) : undefined;
  if (problem) {
    if (scripted) void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  if (scripted && source.kind === 'file' && !(await confirmScriptedPath(found.folder, source.path, 'evidence'))) return undefined;
  const details = scripted ? { title: args?.title ?? '', quote: args?.quote ?? '' } : await askDetails();
  if (!details) return undefined;
  const archive = source.kind === 'file' || (scripted ? args?.archive === true : await askArchive(source.url));
  if (archive === undefined) return undefined;
  const saved = archive ? await archiveWithProgress(ctx, found.folder, source) : undefined;
  if (archive && !saved) return undefined;
  const item = evidenceItem({
    url: sourceReference(source),
    ...details,
    ...(saved ? { archive: saved, accessed: saved.fetched } : {}),
  });
  // The fetch took time: add to the annotation as it is now (a teammate's change may have arrived).
  const current = ctx.annotations.find(found.folder.uri.toString(), found.annotation.id);
  if (!current) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The annotation was removed meanwhile; the archived copy stays in {0}.', inertNotificationText(saved?.file ?? '.ainews/evidence')));
    return undefined;
  }
  // The patch is worked out when the change is made (after the author is known), from the annotation as it is then.
  return run(() => ctx.annotations.updateWith(found.folder, found.annotation.id, (latest) => ({ evidence: withEvidenceItem(latest.evidence, item) })));
}

/** The scheme of archived copies shown as text: documents of a content provider are read-only. */
export const ARCHIVED_COPY_SCHEME = 'ainews-evidence';

/** `ainews-evidence:/.ainews/evidence/<sha256>.<ext>?<folder URI>`: the path keeps the extension, for the language mode. */
function archivedCopyUri(folder: vscode.WorkspaceFolder, file: string): vscode.Uri {
  return vscode.Uri.from({ scheme: ARCHIVED_COPY_SCHEME, path: `/${file}`, query: folder.uri.toString() });
}

/** Serves archived copies as read-only text, read through the workspace guards. */
class ArchivedCopyProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly ctx: CommandContext) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri.query, true));
    if (!folder) throw new Error(vscode.l10n.t('The workspace folder of {0} is not open.', uri.path.slice(1)));
    const read = await readArchivedCopyText(folder.uri.fsPath, uri.path.slice(1), this.ctx.settings.for(folder.uri).maxEvidenceArchiveBytes);
    if (read.kind === 'refused') throw new Error(read.message);
    if (read.kind === 'missing') throw new Error(vscode.l10n.t('The archived copy {0} is missing.', uri.path.slice(1)));
    return read.text;
  }
}

/**
 * Opens the saved copy as what it is, after checking that the record names an archived copy of its
 * own hash (records come through git from other people), that it is inside the workspace and intact.
 */
async function openArchivedCopy(folder: vscode.WorkspaceFolder, archive: EvidenceArchive): Promise<boolean> {
  const check = await checkArchivedCopy(folder.uri.fsPath, archive);
  if (check.kind !== 'ok') {
    void vscode.window.showErrorMessage(archivedCopyRefusal(vscode.l10n, check, archive));
    return false;
  }
  if (check.changed) void vscode.window.showWarningMessage(vscode.l10n.t('The archived copy {0} changed since it was saved: its hash no longer matches.', inertNotificationText(archive.file)));
  const uri = vscode.Uri.joinPath(folder.uri, ...archive.file.split('/'));
  switch (check.opening) {
    case 'text': {
      // Through a read-only scheme: the copy is evidence, and is shown as its source, never rendered.
      const document = await vscode.workspace.openTextDocument(archivedCopyUri(folder, archive.file));
      await vscode.window.showTextDocument(document, { preview: true });
      return true;
    }
    case 'image':
      await vscode.commands.executeCommand('vscode.open', uri);
      return true;
    case 'external': {
      const open = vscode.l10n.t('Open in Default App');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Open {0} ({1}) with the default app of your system?', inertNotificationText(archive.file), inertNotificationText(archive.contentType)), { modal: true }, open);
      return answer === open && vscode.env.openExternal(uri);
    }
    case 'reveal':
      offerToReveal(uri, archive);
      return false;
  }
}

/** For a copy no app may be handed safely: says so, and offers the file in the system's file explorer. */
function offerToReveal(uri: vscode.Uri, archive: EvidenceArchive): void {
  const reveal = vscode.l10n.t('Reveal in File Explorer');
  const message = vscode.l10n.t('{0} ({1}) cannot be opened safely from here: no app is started for this type.', inertNotificationText(archive.file), inertNotificationText(archive.contentType));
  void vscode.window.showWarningMessage(message, reveal).then((answer) => (answer === reveal ? vscode.commands.executeCommand('revealFileInOS', uri) : undefined));
}

/** Opens a link without a copy in the browser, after asking: the address came from another person. */
async function openLink(url: string): Promise<boolean> {
  if (webAddressProblem(url)) return explain(vscode.l10n.t('"{0}" is a reference, not a web address, and has no archived copy.', inertNotificationText(url)), false);
  const open = vscode.l10n.t('Open in Browser');
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Open {0} in your browser? It has no archived copy: the page may have changed since.', inertNotificationText(url, NOTIFICATION_MESSAGE_LENGTH)), { modal: true }, open);
  return answer === open && vscode.env.openExternal(vscode.Uri.parse(url, true));
}

async function openEvidence(ctx: CommandContext, args?: AnnotationArgs & { url?: string }): Promise<boolean> {
  const found = requireAnnotation(ctx, args);
  if (!found) return false;
  const items = found.annotation.evidence ?? [];
  if (items.length === 0) return explain(vscode.l10n.t('This annotation has no evidence yet: add some with "AI News: Add Evidence…".'), false);
  const candidates = evidenceNamed(items, args?.url);
  const item = candidates.length <= 1 ? candidates[0] : (await vscode.window.showQuickPick(candidates.map((c) => evidencePickItem(vscode.l10n, c)), { title: vscode.l10n.t('Open evidence') }))?.item;
  if (item === undefined) return false;
  return typeof item !== 'string' && item.archive ? openArchivedCopy(found.folder, item.archive) : openLink(evidenceUrl(item));
}

export function registerEvidenceCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.addEvidence', (args?: AddEvidenceArgs) => addEvidence(ctx, args)),
    vscode.commands.registerCommand('aiNews.openEvidence', (args?: AnnotationArgs & { url?: string }) => openEvidence(ctx, args)),
    vscode.workspace.registerTextDocumentContentProvider(ARCHIVED_COPY_SCHEME, new ArchivedCopyProvider(ctx)),
  ];
}
