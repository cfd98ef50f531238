/**
 * One status bar item for the active article: how many of its claims have a verdict and what needs
 * a look, and across the folder what awaits you (claims assigned to you, verdicts awaiting your
 * review). Clicking it opens the AI News sidebar. Hidden when the active editor is not an article.
 */
import * as vscode from 'vscode';
import type { ArticleSummary } from '../core/sidebar/findingGroups';
import { myWorkCounts } from '../core/team/myWork';
import type { ArticleRegistry } from './articleRegistry';
import type { ArticleSnapshot, SnapshotSource } from './articleSessions';
import { Disposable } from './disposable';
import type { SettingsCache } from './settings';
import type { AnnotationTreeSource, TreeTeamSource } from './sidebar/annotationTree';

type WorkCounts = { assigned: number; toReview: number };

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
    private readonly teams: TreeTeamSource,
  ) {
    super();
    const recount = (): void => {
      this.workCounts.clear();
      this.update();
    };
    this.register(work.onDidChange(recount));
    this.register(teams.onDidChange(recount));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aiNews.author')) recount();
    }));
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
    const content = document && reason !== undefined && snapshot ? contentFor(snapshot, reason, this.settings.for(document.uri).maxArticleSizeBytes) : undefined;
    if (content && document) withWork(content, this.countsFor(document.uri));
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

function contentFor(snapshot: ArticleSnapshot, why: string, maxArticleSizeBytes: number): { text: string; tooltip: string; warning: boolean } {
  const reason = vscode.l10n.t('Treated as an article because: {0}', why);
  if (!snapshot.analysis) return tooLargeContent(maxArticleSizeBytes, reason);
  const summary = snapshot.summary;
  if (!summary) {
    // Counts of a half-analysed article would mislead; the item updates when the analysis is done.
    return { text: `$(sync~spin) ${vscode.l10n.t('AI News: analysing…')}`, tooltip: [vscode.l10n.t('The article is being analysed.'), '', reason].join('\n'), warning: false };
  }
  return { text: summaryText(summary), tooltip: [...summaryDetails(summary), '', reason, vscode.l10n.t('Click to open the AI News sidebar.')].join('\n'), warning: false };
}

/** Adds what awaits me to the item: "· $(account) 3 for you", and the detail in the tooltip. */
function withWork(content: { text: string; tooltip: string }, counts: WorkCounts | undefined): void {
  if (!counts || counts.assigned + counts.toReview === 0) return;
  content.text += ` · $(account) ${vscode.l10n.t('{0} for you', counts.assigned + counts.toReview)}`;
  const lines = [
    ...(counts.assigned > 0 ? [vscode.l10n.t('Assigned to you, not final: {0}', counts.assigned)] : []),
    ...(counts.toReview > 0 ? [vscode.l10n.t('Awaiting your review: {0}', counts.toReview)] : []),
  ];
  content.tooltip = [...lines, '', content.tooltip].join('\n');
}

function tooLargeContent(maxArticleSizeBytes: number, reason: string): { text: string; tooltip: string; warning: boolean } {
  const limitKB = Math.round(maxArticleSizeBytes / 1024);
  const tooltip = [
    vscode.l10n.t('This article is larger than {0} KB, the limit set by aiNews.maxArticleSizeKB.', limitKB),
    vscode.l10n.t('Claims, numbers and entities are not highlighted; annotations still work.'),
    '',
    reason,
  ].join('\n');
  return { text: `$(warning) ${vscode.l10n.t('AI News: too large to analyse')}`, tooltip, warning: true };
}

function summaryText(s: ArticleSummary): string {
  const parts = [
    `$(checklist) ${vscode.l10n.t('{0}/{1} claims reviewed', s.reviewedClaims, s.claims)}`,
    vscode.l10n.t('{0} disputed', s.disputed),
  ];
  if (s.needsRecheck > 0) parts.push(s.needsRecheck === 1 ? vscode.l10n.t('1 needs re-check') : vscode.l10n.t('{0} need re-check', s.needsRecheck));
  return parts.join(' · ');
}

function summaryDetails(s: ArticleSummary): string[] {
  const lines = [
    s.claims === 1 ? vscode.l10n.t('{0} of 1 claim has a verdict', s.reviewedClaims) : vscode.l10n.t('{0} of {1} claims have a verdict', s.reviewedClaims, s.claims),
    vscode.l10n.t('Verdicts: {0} verified, {1} disputed, {2} outdated', s.verified, s.disputed, s.outdated),
  ];
  if (s.needsRecheck > 0) {
    lines.push(s.needsRecheck === 1
      ? vscode.l10n.t('1 needs re-check (review date passed or verification too old)')
      : vscode.l10n.t('{0} need re-check (review date passed or verification too old)', s.needsRecheck));
  }
  if (s.articleChanged > 0) lines.push(vscode.l10n.t('{0} made before the article last changed', s.articleChanged));
  if (s.fuzzy > 0) lines.push(s.fuzzy === 1 ? vscode.l10n.t('1 whose text changed: needs a second look') : vscode.l10n.t('{0} whose text changed: need a second look', s.fuzzy));
  if (s.orphaned > 0) lines.push(vscode.l10n.t('{0} orphaned: their text is gone', s.orphaned));
  return lines;
}
