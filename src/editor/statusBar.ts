/**
 * One status bar item for the active article: how many of its claims have a verdict and what needs
 * a look. Clicking it opens the AI News sidebar. Hidden when the active editor is not an article.
 */
import * as vscode from 'vscode';
import { declaresArticle } from '../core/articles/articleDetection';
import { summarizeArticle, type ArticleSummary } from '../core/sidebar/findingGroups';
import type { AnalysisProgressSource } from './analysisService';
import { Disposable } from './disposable';
import type { AnnotationSource } from './placedAnnotation';
import { readSettings } from './settings';

/** What the status bar reads from the article registry (ArticleRegistry fits). */
export interface StatusArticleSource {
  isArticle(document: vscode.TextDocument): boolean;
  isOptedIn(document: vscode.TextDocument): boolean;
  readonly onDidChange: vscode.Event<void>;
}

/** Analyses and annotation changes arrive on every keystroke; the counts follow a moment later. */
const REFRESH_DELAY_MS = 300;
const OPEN_SIDEBAR_COMMAND = 'workbench.view.extension.aiNews';

export class StatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('aiNews.status', vscode.StatusBarAlignment.Left, 100));
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: { text: string; tooltip: string } | undefined;

  constructor(
    private readonly analysis: AnalysisProgressSource,
    private readonly annotations: AnnotationSource,
    private readonly articles: StatusArticleSource,
  ) {
    super();
    this.item.name = vscode.l10n.t('AI News: review progress');
    this.item.command = OPEN_SIDEBAR_COMMAND;
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    // Counting every claim of a large article takes a few milliseconds: not in the keystroke's turn.
    this.register(analysis.onDidAnalyze((document) => {
      if (document === vscode.window.activeTextEditor?.document) this.scheduleUpdate();
    }));
    this.register(annotations.onDidChange(() => this.scheduleUpdate()));
    this.register(articles.onDidChange(() => this.update()));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aiNews')) this.scheduleUpdate();
    }));
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.update();
  }

  /** What the item shows, or undefined when it is hidden (for tests). */
  current(): { text: string; tooltip: string } | undefined {
    return this.shown;
  }

  /** Recomputes the item for the active editor now. */
  update(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.isDisposed) return;
    const document = vscode.window.activeTextEditor?.document;
    const content = document && this.articles.isArticle(document) ? this.contentFor(document) : undefined;
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

  override dispose(): void {
    clearTimeout(this.timer);
    super.dispose();
  }

  private scheduleUpdate(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // An edit's re-analysis is on its way and reschedules the count when done: do not analyse here.
      const document = vscode.window.activeTextEditor?.document;
      if (document && this.analysis.isPending(document)) return;
      this.update();
    }, REFRESH_DELAY_MS);
  }

  private contentFor(document: vscode.TextDocument): { text: string; tooltip: string; warning: boolean } {
    const reason = vscode.l10n.t('Treated as an article because: {0}', this.reason(document));
    const progress = this.analysis.progressFor(document);
    if (!progress) return this.tooLargeContent(document, reason);
    if (!progress.complete) {
      // Counts of a half-analysed article would mislead; the item updates when the analysis is done.
      return { text: `$(sync~spin) ${vscode.l10n.t('AI News: analysing…')}`, tooltip: [vscode.l10n.t('The article is being analysed.'), '', reason].join('\n'), warning: false };
    }
    const claims = progress.analysis.findings.filter((f) => f.kind === 'claim');
    const placed = this.annotations.placedAnnotations(document);
    const summary = summarizeArticle(claims, placed.map((p) => ({ status: p.annotation.status, state: p.state, span: p.span, flags: p.flags })));
    return { text: summaryText(summary), tooltip: [...summaryDetails(summary), '', reason, vscode.l10n.t('Click to open the AI News sidebar.')].join('\n'), warning: false };
  }

  private tooLargeContent(document: vscode.TextDocument, reason: string): { text: string; tooltip: string; warning: boolean } {
    const limitKB = Math.round(readSettings(document.uri).maxArticleSizeBytes / 1024);
    const tooltip = [
      vscode.l10n.t('This article is larger than {0} KB, the limit set by aiNews.maxArticleSizeKB.', limitKB),
      vscode.l10n.t('Claims, numbers and entities are not highlighted; annotations still work.'),
      '',
      reason,
    ].join('\n');
    return { text: `$(warning) ${vscode.l10n.t('AI News: too large to analyse')}`, tooltip, warning: true };
  }

  /** Why the document counts as an article, in the order the registry decides it. */
  private reason(document: vscode.TextDocument): string {
    if (this.articles.isOptedIn(document)) return vscode.l10n.t('you opted it in ("AI News: Analyze This Document")');
    const glob = matchingGlob(document);
    if (glob) return vscode.l10n.t('it matches {0}', glob);
    if (declaresArticle(documentHead(document))) return vscode.l10n.t('it declares itself (a leading date line or "ainews: true" front matter)');
    return vscode.l10n.t('it was opted in');
  }
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

/** The first configured glob the document matches in its workspace folder. */
function matchingGlob(document: vscode.TextDocument): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return undefined;
  return readSettings(folder).articleGlobs.find(
    (glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0,
  );
}

/** The first lines of a document: enough for the date prefix and front matter. */
function documentHead(document: vscode.TextDocument): string {
  return document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 100), 0)).slice(0, 4096);
}
