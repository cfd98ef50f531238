/**
 * One status bar item for the active article: how many of its claims have a verdict and what needs
 * a look, and across the folder what awaits you (claims assigned to you, verdicts awaiting your
 * review). Clicking it opens the AI News sidebar. Hidden when the active editor is not an article.
 */
import * as vscode from 'vscode';
import { statusBarContent, type WorkCounts } from '../core/statusBar/statusBarContent';
import { myWorkCounts } from '../core/team/myWork';
import type { ArticleRegistry } from './articleRegistry';
import type { SnapshotSource } from './articleSessions';
import { Disposable } from './disposable';
import { onDidChangeSettings, type SettingsCache } from './settings';
import type { TeamSource } from './decorations';
import type { AnnotationTreeSource } from './sidebar/annotationTree';

const OPEN_SIDEBAR_COMMAND = 'workbench.view.extension.aiNews';

export class StatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('aiNews.status', vscode.StatusBarAlignment.Left, 100));
  private shown: { text: string; tooltip: string } | undefined;
  /** What awaits me per folder; counted once after the annotations, the team or the settings change, not per snapshot. */
  private readonly workCounts = new Map<string, WorkCounts>();

  constructor(
    private readonly sessions: SnapshotSource,
    private readonly articles: Pick<ArticleRegistry, 'reason' | 'onDidChange'>,
    private readonly settings: SettingsCache,
    private readonly work: AnnotationTreeSource,
    private readonly teams: TeamSource,
  ) {
    super();
    const recount = (): void => {
      this.workCounts.clear();
      this.update();
    };
    this.register(work.onDidChange(recount));
    this.register(teams.onDidChange(recount));
    this.register(onDidChangeSettings(['aiNews.author'], recount));
    this.item.name = vscode.l10n.t('AI News: review progress');
    this.item.command = OPEN_SIDEBAR_COMMAND;
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    // One snapshot per debounce window: the counts follow it, never a keystroke.
    this.register(sessions.onDidChangeArticle(({ document }) => {
      if (document === vscode.window.activeTextEditor?.document) this.update();
    }));
    this.register(articles.onDidChange(() => this.update()));
    this.update();
  }

  /** What the item shows, or undefined when it is hidden (for tests). */
  current(): { text: string; tooltip: string } | undefined {
    return this.shown;
  }

  /** Shows the active article's last snapshot. */
  update(): void {
    if (this.isDisposed) return;
    const document = vscode.window.activeTextEditor?.document;
    const reason = document && this.articles.reason(document);
    const snapshot = document && reason !== undefined ? this.sessions.snapshot(document) : undefined;
    const content = document && reason !== undefined && snapshot
      ? statusBarContent(vscode.l10n, snapshot, reason, this.settings.for(document.uri).maxArticleSizeBytes, this.countsFor(document.uri))
      : undefined;
    this.shown = content && { text: content.text, tooltip: content.tooltip };
    if (!content) {
      this.item.hide();
      return;
    }
    this.item.text = content.text;
    this.item.tooltip = content.tooltip;
    this.item.backgroundColor = content.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** What awaits me in the folder of a file; undefined while my name is not known yet. */
  private countsFor(uri: vscode.Uri): WorkCounts | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const me = this.work.knownAuthor(uri);
    if (!folder || me === undefined) return undefined;
    const key = folder.uri.toString();
    let counts = this.workCounts.get(key);
    if (!counts) {
      const annotations = this.work.entries().find((e) => e.folder.uri.toString() === key)?.store.annotations ?? [];
      counts = myWorkCounts(annotations, this.teams.teamFor(folder.uri), me);
      this.workCounts.set(key, counts);
    }
    return counts;
  }
}
