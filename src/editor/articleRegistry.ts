/**
 * Decides which open documents are articles: text or markdown files that match the configured globs
 * in their workspace folder, that declare themselves (date prefix, front-matter flag), or that the
 * user opted in with "AI News: Analyze This Document" (remembered per workspace).
 */
import * as vscode from 'vscode';
import { articleReason, declaresArticle } from '../core/articles/articleDetection';
import { Disposable } from './disposable';
import { onDidChangeSettings, type SettingsCache } from './settings';

const OPTED_IN_KEY = 'aiNews.optedInDocuments';
const OPTED_OUT_KEY = 'aiNews.optedOutDocuments';
const TEXT_LANGUAGES = new Set(['plaintext', 'markdown']);

/** The first lines of a document: enough for the date prefix and front matter, never the whole text. */
function documentHead(document: vscode.TextDocument): string {
  return document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 100), 0)).slice(0, 4096);
}

export class ArticleRegistry extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the set of articles may have changed (settings, opt-in, opt-out). */
  readonly onDidChange = this.changed.event;
  /**
   * The glob each document's path matches (null: none), by URI: asked for every slice and snapshot
   * of an open article, and it depends only on the path, the folders and the setting.
   */
  private readonly globs = new Map<string, string | null>();

  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly settings: SettingsCache,
  ) {
    super();
    this.register(onDidChangeSettings(['aiNews.articleGlobs'], () => {
      this.globs.clear();
      this.changed.fire();
    }));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.globs.clear()));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.globs.delete(document.uri.toString())));
  }

  /** True when the document is treated as an article. */
  isArticle(document: vscode.TextDocument): boolean {
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled' && document.uri.scheme !== 'vscode-remote') return false;
    const key = document.uri.toString();
    if (this.list(OPTED_OUT_KEY).includes(key)) return false;
    if (this.list(OPTED_IN_KEY).includes(key)) return true;
    if (!TEXT_LANGUAGES.has(document.languageId)) return false;
    return this.matchingGlob(document) !== undefined || declaresArticle(documentHead(document));
  }

  /** Why the document counts as an article, in the order `isArticle` decides it; undefined when it does not. */
  reason(document: vscode.TextDocument): string | undefined {
    if (!this.isArticle(document)) return undefined;
    return articleReason(vscode.l10n, { optedIn: this.isOptedIn(document), glob: this.matchingGlob(document), head: () => documentHead(document) });
  }

  /** True when the user opted this document in by hand. */
  isOptedIn(document: vscode.TextDocument): boolean {
    return this.list(OPTED_IN_KEY).includes(document.uri.toString());
  }

  /** Opts a document in (Analyze This Document) or out (Stop Analyzing) by hand; the other list forgets it. */
  async setOptedIn(document: vscode.TextDocument, optedIn: boolean): Promise<void> {
    const key = document.uri.toString();
    const [into, outOf] = optedIn ? [OPTED_IN_KEY, OPTED_OUT_KEY] : [OPTED_OUT_KEY, OPTED_IN_KEY];
    await this.workspaceState.update(outOf, this.list(outOf).filter((k) => k !== key));
    await this.workspaceState.update(into, [...new Set([...this.list(into), key])]);
    this.changed.fire();
  }

  /** The first configured glob the document matches in its workspace folder. */
  private matchingGlob(document: vscode.TextDocument): string | undefined {
    const key = document.uri.toString();
    let glob = this.globs.get(key);
    if (glob === undefined) {
      const folder = vscode.workspace.getWorkspaceFolder(document.uri);
      glob = (folder && this.settings.for(folder.uri).articleGlobs.find(
        (pattern) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, pattern) }, document) > 0,
      )) ?? null;
      this.globs.set(key, glob);
    }
    return glob ?? undefined;
  }

  private list(key: string): string[] {
    return this.workspaceState.get<string[]>(key, []);
  }
}
