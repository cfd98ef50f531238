/**
 * The team's corrections of the detector per workspace folder (`.ainews/feedback.json`): read at
 * start and again when the file changes (a pull, a teammate's merge, another window), written by the
 * quick fixes through the core's locked, merging writer. Sessions are analysed with the corrections
 * of their article, so a correction shows at once.
 */
import * as vscode from 'vscode';
import type { EntityType } from '../core/analysis/types';
import { addCorrections, correctionsOf, DEFAULT_FEEDBACK_FILE, newCorrection, readFeedback, type Correction, type CorrectionKind, type FeedbackFile } from '../core/feedback';
import { feedbackFileWarning } from '../core/feedback/feedbackStore';
import { toArticlePath } from '../core/store/paths';
import type { AnnotationService } from './annotationService';
import type { Span } from './ranges';
import { WatchedFolderFile } from './watchedFolderFile';

/** `onDidChange` fires after a folder's corrections changed (read again, or a correction added). */
export class FeedbackService extends WatchedFolderFile {
  private readonly files = new Map<string, FeedbackFile>();

  constructor(private readonly annotations: AnnotationService) {
    super(DEFAULT_FEEDBACK_FILE);
  }

  /** The corrections of one article (none outside a workspace folder). */
  correctionsFor(uri: vscode.Uri): Correction[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const article = folder && toArticlePath(folder.uri.fsPath, uri.fsPath);
    return folder && article ? correctionsOf(this.files.get(folder.uri.toString()), article) : [];
  }

  /**
   * Records a correction of the finding at `span` and applies it at once.
   * @throws Error in words for the user when the file cannot be written (nothing is lost: the file
   *   on disk is left as it was).
   */
  async correct(document: vscode.TextDocument, span: Span, kind: CorrectionKind, type?: EntityType): Promise<Correction> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const article = folder && toArticlePath(folder.uri.fsPath, document.uri.fsPath);
    if (!folder || !article || folder.uri.scheme !== 'file') throw new Error(vscode.l10n.t('Corrections are stored in a workspace folder on disk: open the folder that holds this article.'));
    const correction = newCorrection({ article, text: document.getText(), span }, kind, type, await this.annotations.authorFor(folder));
    const written = await addCorrections(folder.uri.fsPath, [correction]);
    this.files.set(folder.uri.toString(), written);
    this.fireChange();
    return correction;
  }

  /** Reads a folder's file; true when what it holds changed. A file that cannot be used keeps the last corrections read and says why. */
  protected async load(folder: vscode.WorkspaceFolder): Promise<boolean> {
    if (folder.uri.scheme !== 'file') return false;
    const key = folder.uri.toString();
    const read = await readFeedback(folder.uri.fsPath);
    const warning = feedbackFileWarning(vscode.l10n, folder.name, read);
    if (warning) void vscode.window.showWarningMessage(warning);
    if (read.kind === 'unusable') return false;
    const before = JSON.stringify(this.files.get(key)?.corrections ?? []);
    this.files.set(key, read.file);
    return JSON.stringify(read.file.corrections) !== before;
  }
}
