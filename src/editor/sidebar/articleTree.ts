/**
 * The "This article" view: the active article's claims (unreviewed first), numbers and entities
 * (grouped by canonical name). Built from the article's snapshot each time VS Code asks; a click on a
 * leaf reveals the finding in the article.
 */
import * as vscode from 'vscode';
import { claimReasonsText } from '../claimReasons';
import type { Analysis, ClaimFinding, EntityFinding, Finding, NumberFinding } from '../../core/analysis/types';
import { groupEntities, orderClaims } from '../../core/sidebar/findingGroups';
import { shortenQuote } from '../../core/sidebar/text';
import type { Span } from '../../core/span';
import type { ArticleSnapshot, SnapshotSource } from '../articleSessions';
import { Disposable } from '../disposable';
import { formatValue } from '../hover';
import { countedLabel, entityTypeLabel, numberTypeLabel } from '../labels';
import { lineLabel, revealFindingCommand } from './treeLabels';

/** What the tree reads from the article registry (ArticleRegistry fits). */
export interface ArticleDetector {
  isArticle(document: vscode.TextDocument): boolean;
  readonly onDidChange: vscode.Event<void>;
}

export type SectionKind = 'claims' | 'numbers' | 'entities';

export interface SectionElement {
  kind: 'section';
  section: SectionKind;
  count: number;
  /** Claims only: how many are reviewed. */
  reviewed?: number;
}

export interface EntityGroupElement {
  kind: 'entity';
  canonical: string;
  type: string;
  mentions: EntityFinding[];
}

export interface FindingElement {
  kind: 'finding';
  finding: Finding;
  /** Claims only: an annotation overlaps it. */
  reviewed?: boolean;
}

export type ArticleTreeElement = SectionElement | EntityGroupElement | FindingElement;

const SECTIONS: readonly SectionKind[] = ['claims', 'numbers', 'entities'];
/** Schemes of panels that can take focus without being "another document" (keep showing the article). */
const IGNORED_SCHEMES = new Set(['output', 'debug', 'vscode-terminal', 'comment']);

export class ArticleTreeProvider extends Disposable implements vscode.TreeDataProvider<ArticleTreeElement> {
  private readonly changed = this.register(new vscode.EventEmitter<ArticleTreeElement | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;
  private view: vscode.TreeView<ArticleTreeElement> | undefined;

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

  /** The document the view shows (the active editor's, or the last one when focus left the editors). */
  get activeDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  /** Lets the provider keep the view's message current; the view is disposed with it. */
  attach(view: vscode.TreeView<ArticleTreeElement>): void {
    this.view = this.register(view);
    this.updateMessage();
  }

  /** Rebuilds the tree now. */
  refresh(): void {
    this.updateMessage();
    this.changed.fire(undefined);
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
    const analysis = snapshot?.analysis;
    if (!snapshot || !analysis) return [];
    if (!element) return this.sections(snapshot, analysis);
    if (element.kind === 'entity') return element.mentions.map((finding) => ({ kind: 'finding', finding }));
    if (element.kind === 'finding') return [];
    switch (element.section) {
      case 'claims':
        return orderedClaims(snapshot).map(({ claim, reviewed }) => ({ kind: 'finding', finding: claim, reviewed }));
      case 'numbers':
        return findingsOf<NumberFinding>(analysis, 'number').map((finding) => ({ kind: 'finding', finding }));
      case 'entities':
        return groupEntities(findingsOf<EntityFinding>(analysis, 'entity')).map((g) => ({ kind: 'entity', ...g }));
    }
  }

  /** Sections are fixed; leaves of an entity group are listed by the group. */
  getParent(element: ArticleTreeElement): ArticleTreeElement | undefined {
    if (element.kind === 'section') return undefined;
    const snapshot = this.currentSnapshot();
    if (!snapshot?.analysis) return undefined;
    const sections = this.sections(snapshot, snapshot.analysis);
    if (element.kind === 'entity') return sections.find((s) => s.section === 'entities');
    const finding = element.finding;
    if (finding.kind === 'entity') return this.getChildren(sections.find((s) => s.section === 'entities')).find((g) => g.kind === 'entity' && g.canonical === finding.canonical);
    return sections.find((s) => s.section === (finding.kind === 'claim' ? 'claims' : 'numbers'));
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // Focus on the sidebar or a panel keeps the article in view.
    if (editor && IGNORED_SCHEMES.has(editor.document.uri.scheme)) return;
    if (!editor && this.document && !this.document.isClosed) return;
    if (editor?.document === this.document) return;
    this.document = editor?.document;
    this.refresh();
  }

  /** The active article's snapshot once its analysis is complete (a large one is analysed in slices first). */
  private currentSnapshot(): ArticleSnapshot | undefined {
    const document = this.document;
    if (!document || document.isClosed || !this.articles.isArticle(document)) return undefined;
    const snapshot = this.sessions.snapshot(document);
    return snapshot?.complete ? snapshot : undefined;
  }

  private sections(snapshot: ArticleSnapshot, analysis: Analysis): SectionElement[] {
    const counts = { claims: 0, numbers: 0, entities: 0 };
    for (const f of analysis.findings) counts[f.kind === 'claim' ? 'claims' : f.kind === 'number' ? 'numbers' : 'entities'] += 1;
    return SECTIONS.map((section): SectionElement => section === 'claims'
      ? { kind: 'section', section, count: counts.claims, reviewed: orderedClaims(snapshot).filter((c) => c.reviewed).length }
      : { kind: 'section', section, count: counts[section] });
  }

  private updateMessage(): void {
    if (this.view) this.view.message = this.message();
  }

  /** Why the view is empty, when it is not simply "no editor" (the welcome content covers that). */
  private message(): string | undefined {
    const document = this.document;
    if (!document || document.isClosed) return undefined;
    const name = vscode.workspace.asRelativePath(document.uri, false);
    if (!this.articles.isArticle(document)) {
      return vscode.l10n.t('{0} is not treated as an article. Run "AI News: Analyze This Document" to analyse it.', name);
    }
    const snapshot = this.sessions.snapshot(document);
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
    item.id = `${finding.kind}|${finding.start}|${finding.end}`;
    if (finding.kind === 'claim') return claimItem(item, finding, element.reviewed === true);
    const line = document ? lineLabel(document, finding.start) : '';
    if (finding.kind === 'number') {
      item.description = [numberTypeLabel(finding.type), formatValue(finding, vscode.env.language), line].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon('symbol-number', new vscode.ThemeColor('aiNews.numberForeground'));
      item.contextValue = 'finding.number';
    } else {
      item.description = line;
      item.iconPath = new vscode.ThemeIcon('symbol-field', new vscode.ThemeColor('aiNews.entityBorder'));
      item.contextValue = 'finding.entity';
    }
    item.tooltip = finding.text;
    return item;
  }
}

function orderedClaims(snapshot: ArticleSnapshot): { claim: ClaimFinding; reviewed: boolean }[] {
  const spans = snapshot.placements.filter((p) => p.state !== 'orphaned' && p.span).map((p) => p.span as Span);
  return orderClaims(snapshot.claims, spans);
}

function findingsOf<T extends Finding>(analysis: Analysis, kind: T['kind']): T[] {
  return analysis.findings.filter((f): f is T => f.kind === kind);
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
  item.iconPath = new vscode.ThemeIcon('symbol-class', new vscode.ThemeColor('aiNews.entityBorder'));
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
  const provider = new ArticleTreeProvider(sessions, articles);
  const view = vscode.window.createTreeView('aiNews.article', { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  return { view, provider };
}
