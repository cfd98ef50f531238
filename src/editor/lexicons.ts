/**
 * The entity lexicon of each workspace folder: the shipped one plus the team's
 * `.ainews/entities.json`, re-read when that file changes.
 */
import type * as vscode from 'vscode';
import { defaultLexicon, parseLexiconFile, withEntries, type Lexicon } from '../core/analysis';
import { inertProblems } from '../core/notificationText';
import { WatchedFolderFile } from './watchedFolderFile';

export const LEXICON_FILE = '.ainews/entities.json';

/** The entity list is refused above this size before reading. */
const MAX_LEXICON_BYTES = 8 * 1024 * 1024;

export class Lexicons extends WatchedFolderFile<Lexicon> {
  constructor() {
    super(LEXICON_FILE);
  }

  /** The entity lexicon that applies to a file: the shipped one plus its folder's extension. */
  lexiconFor(uri: vscode.Uri): Lexicon {
    return this.valueFor(uri) ?? defaultLexicon();
  }

  protected async load(folder: vscode.WorkspaceFolder): Promise<void> {
    const text = await this.readText(folder, MAX_LEXICON_BYTES);
    if (text === undefined) return this.setValue(folder, undefined);
    const { entries, errors } = parseLexiconFile(text);
    this.setValue(folder, withEntries(defaultLexicon(), entries));
    if (errors.length > 0) this.warn(folder, inertProblems(errors));
  }
}
