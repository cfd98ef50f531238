/**
 * The entity lexicon of each workspace folder: the shipped one plus the team's
 * `.ainews/entities.json`, re-read when that file changes.
 */
import * as vscode from 'vscode';
import { defaultLexicon, parseLexiconFile, withEntries, type Lexicon } from '../core/analysis';
import { readWorkspaceFile } from '../core/workspace/guardedRead';
import { WatchedFolderFile } from './watchedFolderFile';

export const LEXICON_FILE = '.ainews/entities.json';

/** The entity list is refused above this size before reading. */
const MAX_LEXICON_BYTES = 8 * 1024 * 1024;

export class Lexicons extends WatchedFolderFile {
  private readonly lexicons = new Map<string, Lexicon>();
  private readonly problems = new Map<string, string[]>();

  constructor() {
    super(LEXICON_FILE);
  }

  /** The entity lexicon that applies to a file: the shipped one plus its folder's extension. */
  lexiconFor(uri: vscode.Uri): Lexicon {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.lexicons.get(folder.uri.toString())) ?? defaultLexicon();
  }

  /** Problems found in a folder's `.ainews/entities.json`. */
  problemsFor(folder: vscode.WorkspaceFolder): string[] {
    return this.problems.get(folder.uri.toString()) ?? [];
  }

  protected async load(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    let text: string;
    try {
      // A file-system folder goes through the guarded reader: the lexicon arrives through git.
      const read = folder.uri.scheme === 'file' ? await readWorkspaceFile(folder.uri.fsPath, LEXICON_FILE, MAX_LEXICON_BYTES) : undefined;
      if (read !== undefined && read.kind !== 'ok') {
        this.lexicons.delete(key);
        if (read.kind === 'refused') this.problems.set(key, [read.message]);
        else this.problems.delete(key);
        return;
      }
      text = new TextDecoder().decode(read?.bytes ?? (await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, LEXICON_FILE))));
    } catch {
      this.lexicons.delete(key);
      this.problems.delete(key);
      return;
    }
    const { entries, errors } = parseLexiconFile(text);
    this.lexicons.set(key, withEntries(defaultLexicon(), entries));
    this.problems.set(key, errors);
    if (errors.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} in {1}: {2}', LEXICON_FILE, folder.name, errors.slice(0, 3).join('; ')),
      );
    }
  }
}
