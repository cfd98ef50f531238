/**
 * The "This article" view: the active article's claims (unreviewed first), numbers and entities
 * (grouped by canonical name), as core/sidebar/articleTreeModel lists them from the article's
 * snapshot each time VS Code asks; a click on a leaf reveals the finding in the article.
 */
import * as vscode from 'vscode';
import type { ClaimFinding } from '../../core/analysis/types';
import { articleTreeChildren, documentToShow, findingItemId, type ArticleTreeElement, type EntityGroupElement, type FindingElement, type SectionElement, type SectionKind } from '../../core/sidebar/articleTreeModel';
import { shortenQuote } from '../../core/sidebar/text';
import type { ArticleSnapshot, SnapshotSource } from '../articleSessions';
import { formatValue } from '../hover';
import { claimReasonsText, countedLabel, entityTypeLabel, numberTypeLabel } from '../labels';
import { ENTITY_CLASS_ICON, ENTITY_ICON, lineLabel, NUMBER_ICON, revealFindingCommand } from './treeLabels';
import { createTreeView, TreeProvider } from './treeProvider';

export type { ArticleTreeElement };

/** What the tree reads from the article registry (ArticleRegistry fits). */
export interface ArticleDetector {
  isArticle(document: vscode.TextDocument): boolean;
  readonly onDidChange: vscode.Event<void>;
}

export class ArticleTreeProvider extends TreeProvider<ArticleTreeElement> {
  private document: vscode.TextDocument | undefined;

  constructor(
    private readonly sessions: SnapshotSource,
    private readonly articles: ArticleDetector,
  ) {
    super();
    this.document = vscode.window.activeTextEditor?.document;
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)));
    // One snapshot per debounce window (and per annotation change): the tree follows it.
    this.register(sessions.onDidChangeArticle(({ document }) => {
      if (document === this.document) this.refresh();
    }));
    this.register(articles.onDidChange(() => this.refresh()));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => {
      if (document === this.document) this.follow(vscode.window.activeTextEditor);
    }));
  }

  /** Rebuilds the tree now. */
  refresh(): void {
    this.updateMessage();
    this.fireChanged();
  }

  getTreeItem(element: ArticleTreeElement): vscode.TreeItem {
    switch (element.kind) {
      case 'section':
        return sectionItem(element);
      case 'entity':
        return entityGroupItem(element);
      case 'finding':
        return this.findingItem(element);
    }
  }

  getChildren(element?: ArticleTreeElement): ArticleTreeElement[] {
    const snapshot = this.currentSnapshot();
    return snapshot ? articleTreeChildren(snapshot, element) : [];
  }

  protected override viewAttached(): void {
    this.updateMessage();
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    const next = documentToShow(this.document, editor?.document);
    if (next === this.document) return;
    this.document = next;
    this.refresh();
  }

  /** The active article's snapshot once its analysis is complete (a large one is analysed in slices first). */
  private currentSnapshot(): ArticleSnapshot | undefined {
    const document = this.document;
    if (!document || document.isClosed || !this.articles.isArticle(document)) return undefined;
    const snapshot = this.sessions.snapshot(document);
    return snapshot?.complete ? snapshot : undefined;
  }

  private updateMessage(): void {
    const message = this.message();
    // Sent to VS Code only when it changes: every snapshot of the article comes here.
    if (this.view && this.view.message !== message) this.view.message = message;
  }

  /** Why the view is empty, when it is not simply "no editor" (the welcome content covers that). */
  private message(): string | undefined {
    const document = this.document;
    if (!document || document.isClosed) return undefined;
    const snapshot = this.sessions.snapshot(document);
    const isArticle = this.articles.isArticle(document);
    if (isArticle && snapshot?.complete && !snapshot.tooLarge) return undefined;
    const name = vscode.workspace.asRelativePath(document.uri, false);
    if (!isArticle) {
      return vscode.l10n.t('{0} is not treated as an article. Run "AI News: Analyze This Document" to analyse it.', name);
    }
    if (snapshot?.tooLarge) {
      return vscode.l10n.t('{0} is too large to analyse. Annotations still work; the limit is the setting aiNews.maxArticleSizeKB.', name);
    }
    if (!snapshot || !snapshot.complete) return vscode.l10n.t('Analysing {0}…', name);
    return undefined;
  }

  private findingItem(element: FindingElement): vscode.TreeItem {
    const { finding } = element;
    const item = new vscode.TreeItem(shortenQuote(finding.text), vscode.TreeItemCollapsibleState.None);
    const document = this.document;
    if (document) item.command = revealFindingCommand({ uri: document.uri.toString(), start: finding.start, end: finding.end });
    item.id = findingItemId(finding);
    if (finding.kind === 'claim') return claimItem(item, finding, element.reviewed === true);
    const line = document ? lineLabel(document.positionAt(finding.start).line + 1) : '';
    if (finding.kind === 'number') {
      item.description = [numberTypeLabel(finding.type), formatValue(finding, vscode.env.language), line].filter(Boolean).join(' · ');
      item.iconPath = NUMBER_ICON;
      item.contextValue = 'finding.number';
    } else {
      item.description = line;
      item.iconPath = ENTITY_ICON;
      item.contextValue = 'finding.entity';
    }
    item.tooltip = finding.text;
    return item;
  }
}

const SECTION_LABEL: Record<SectionKind, () => string> = {
  claims: () => vscode.l10n.t('Claims'),
  numbers: () => vscode.l10n.t('Numbers'),
  entities: () => vscode.l10n.t('Entities'),
};

const SECTION_ICON: Record<SectionKind, string> = { claims: 'comment-discussion', numbers: 'symbol-number', entities: 'symbol-class' };

function sectionItem(element: SectionElement): vscode.TreeItem {
  const item = new vscode.TreeItem(
    countedLabel(SECTION_LABEL[element.section](), element.count),
    element.count === 0 ? vscode.TreeItemCollapsibleState.None : element.section === 'claims' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = `section|${element.section}`;
  item.iconPath = new vscode.ThemeIcon(SECTION_ICON[element.section]);
  if (element.reviewed !== undefined) item.description = vscode.l10n.t('{0} reviewed', element.reviewed);
  item.contextValue = `section.${element.section}`;
  return item;
}

function entityGroupItem(element: EntityGroupElement): vscode.TreeItem {
  const item = new vscode.TreeItem(countedLabel(element.canonical, element.mentions.length), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `entity|${element.canonical}`;
  item.description = entityTypeLabel(element.type);
  item.iconPath = ENTITY_CLASS_ICON;
  item.tooltip = vscode.l10n.t('{0}: mentioned {1} times in this article', element.canonical, element.mentions.length);
  item.contextValue = 'entityGroup';
  return item;
}

function claimItem(item: vscode.TreeItem, claim: ClaimFinding, reviewed: boolean): vscode.TreeItem {
  item.description = [claim.score.toFixed(2), claimReasonsText(claim, ', ')].filter(Boolean).join(' · ');
  item.iconPath = reviewed ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('aiNews.verifiedBorder')) : new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('aiNews.claimBorder'));
  const lines = [
    reviewed ? vscode.l10n.t('Reviewed: an annotation covers it') : vscode.l10n.t('Not reviewed yet'),
    vscode.l10n.t('Check-worthiness {0}', claim.score.toFixed(2)),
  ];
  if (claim.signals.length > 0) lines.push(vscode.l10n.t('Why: {0}', claimReasonsText(claim, ', ')));
  if (claim.timeSensitive.length > 0) lines.push(vscode.l10n.t('Time-sensitive: {0}', claim.timeSensitive.join(', ')));
  lines.push('', claim.text);
  item.tooltip = lines.join('\n');
  item.contextValue = reviewed ? 'finding.claim.reviewed' : 'finding.claim.unreviewed';
  return item;
}

/**
 * Creates the "This article" view with its provider. Dispose the provider to dispose both.
 * @param sessions The articles' snapshots (findings, and which claims are reviewed).
 * @param articles The article registry.
 */
export function createArticleTreeView(
  sessions: SnapshotSource,
  articles: ArticleDetector,
): { view: vscode.TreeView<ArticleTreeElement>; provider: ArticleTreeProvider } {
  return createTreeView('aiNews.article', new ArticleTreeProvider(sessions, articles));
}
