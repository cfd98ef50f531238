/**
 * The workspace's articles as the exports and the cross-article index need them: every file that
 * matches the article globs, with its text (an open editor's text wins over the disk) and its
 * analysis. An open article's analysis comes from its session; analyses of unchanged closed files
 * are reused between calls, and forgotten once a file is open, gone or changed.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import { ClosedAnalyses } from '../core/session/closedAnalyses';
import { readFolderArticles } from '../core/workspace';
import type { ArticleSessions } from './articleSessions';
import type { FeedbackService } from './feedbackService';
import { articleUri, openDocument } from './guardedOpen';
import type { Lexicons } from './lexicons';
import type { SettingsCache } from './settings';

export interface WorkspaceArticle {
  folder: vscode.WorkspaceFolder;
  /** Relative to the folder, / separators (as in the annotation file). */
  path: string;
  uri: vscode.Uri;
  text: string;
  analysis: Analysis;
}

export class WorkspaceArticles {
  /** Last analysis per closed file, keyed by URI, reused while the text is the same. */
  private readonly closed = new ClosedAnalyses();

  constructor(
    private readonly sessions: ArticleSessions,
    private readonly lexicons: Lexicons,
    private readonly settings: SettingsCache,
    private readonly feedback: FeedbackService,
  ) {}

  /**
   * Lists and analyses the articles of one folder (or of all folders).
   * @param extraPaths Paths that must be included even if no glob matches (annotated files).
   * @returns The articles that could be read; `skipped` says which could not and why.
   */
  async load(folders: readonly vscode.WorkspaceFolder[], extraPaths: (folder: vscode.WorkspaceFolder) => string[] = () => []): Promise<{
    articles: WorkspaceArticle[];
    skipped: string[];
  }> {
    const articles: WorkspaceArticle[] = [];
    const skipped: string[] = [];
    const seen = new Set<string>();
    for (const folder of folders) {
      const settings = this.settings.for(folder.uri);
      const options = { globs: settings.articleGlobs, maxBytes: settings.maxArticleSizeBytes, extraPaths: extraPaths(folder) };
      for (const read of await readFolderArticles(folder.uri.fsPath, { ...options, openText: (path) => openDocument(articleUri(folder, path))?.getText() })) {
        const uri = articleUri(folder, read.path);
        seen.add(uri.toString());
        if ('reason' in read) skipped.push(`${folder.name}/${read.path}: ${read.reason}`);
        else articles.push({ folder, path: read.path, uri, text: read.text, analysis: this.analysisOf(uri, read.text, settings.claimScoreThreshold) });
      }
    }
    if (folders.length === (vscode.workspace.workspaceFolders ?? []).length) {
      this.closed.keepOnly(seen);
    }
    return { articles, skipped };
  }

  private analysisOf(uri: vscode.Uri, text: string, claimThreshold: number): Analysis {
    const key = uri.toString();
    const open = openDocument(uri);
    const live = open && open.getText() === text ? this.sessions.completeAnalysis(open) : undefined;
    if (live) {
      this.closed.forget(key);
      // A live analysis moves its findings with later edits: the caller gets them for this text.
      return { ...live, findings: live.findings.map((f) => ({ ...f })) };
    }
    return this.closed.analysisOf(key, text, { lexicon: this.lexicons.lexiconFor(uri), claimThreshold, feedback: this.feedback.correctionsFor(uri) });
  }
}

/** The path an article has in a workspace-wide index: prefixed with its folder's name in a multi-root workspace. */
export function indexPath(article: WorkspaceArticle): string {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${article.folder.name}/${article.path}` : article.path;
}
