/**
 * The "Across articles" view's nodes: figures that disagree between articles first, then every
 * entity with the articles that mention it, and the mentions in each. Pure: the editor loads the
 * index, reads an article's text when its node is expanded, and maps nodes to tree items.
 */
import { isAbsolute } from 'node:path';
import type { CrossIndex, EntityMention, IndexedEntity, QuantityConflict, QuantityMention } from '../crossref/index';
import { lineIndex } from '../export/labels';
import { groupByKey } from './annotationGroups';

export interface ConflictsElement {
  kind: 'conflicts';
  conflicts: QuantityConflict[];
}

export interface ConflictElement {
  kind: 'conflict';
  conflict: QuantityConflict;
}

export interface FigureElement {
  kind: 'figure';
  mention: QuantityMention;
}

export interface CrossEntityElement {
  kind: 'entity';
  entity: IndexedEntity;
}

export interface EntityArticleElement {
  kind: 'entityArticle';
  entity: IndexedEntity;
  article: string;
  mentions: EntityMention[];
}

export interface MentionElement {
  kind: 'mention';
  mention: EntityMention;
  /** What the mention says: its claim, or the text around it; absent when the article cannot be read. */
  snippet?: string;
  /** Its 1-based line, when the article could be read. */
  line?: number;
}

export type CrossArticleElement = ConflictsElement | ConflictElement | FigureElement | CrossEntityElement | EntityArticleElement | MentionElement;

/** Characters on each side of a mention outside any claim. */
const SNIPPET_CONTEXT = 30;

/** The view's first level: the conflicts (when there are any), then the entities; nothing without an index. */
export function crossArticleRoots(index: CrossIndex | undefined): CrossArticleElement[] {
  if (!index) return [];
  const root: CrossArticleElement[] = [];
  if (index.conflicts.length > 0) root.push({ kind: 'conflicts', conflicts: index.conflicts });
  for (const entity of index.entities) root.push({ kind: 'entity', entity });
  return root;
}

/** The children of a node that the index alone tells: an article's mentions need its text ({@link mentionElements}). */
export function crossArticleChildren(element: Exclude<CrossArticleElement, EntityArticleElement>): CrossArticleElement[] {
  switch (element.kind) {
    case 'conflicts':
      return element.conflicts.map((conflict) => ({ kind: 'conflict', conflict }));
    case 'conflict':
      return [element.conflict.a, element.conflict.b].map((mention) => ({ kind: 'figure', mention }));
    case 'entity':
      return [...groupByKey(element.entity.mentions, (m) => m.article)].map(([article, mentions]) => ({ kind: 'entityArticle', entity: element.entity, article, mentions }));
    default:
      return [];
  }
}

/** An entity's mentions in one article, in text order, with what they say when the article's text could be read. */
export function mentionElements(element: EntityArticleElement, text: string | undefined): MentionElement[] {
  const mentions = [...element.mentions].sort((a, b) => a.start - b.start);
  if (text === undefined) return mentions.map((mention) => ({ kind: 'mention', mention }));
  const lineOf = lineIndex(text);
  return mentions.map((mention) => ({ kind: 'mention', mention, snippet: snippetOf(text, mention), line: lineOf(mention.start) }));
}

/** The claim a mention is in, else the text around it. */
export function snippetOf(text: string, mention: EntityMention): string {
  if (mention.claimStart !== undefined && mention.claimEnd !== undefined) return text.slice(mention.claimStart, mention.claimEnd);
  const start = Math.max(0, mention.start - SNIPPET_CONTEXT);
  const end = Math.min(text.length, mention.end + SNIPPET_CONTEXT);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** Tree item ids that stay the same across refreshes. */
export function crossItemId(element: ConflictsElement | ConflictElement | CrossEntityElement | EntityArticleElement): string {
  switch (element.kind) {
    case 'conflicts':
      return 'conflicts';
    case 'conflict': {
      const { entity, unit, a, b } = element.conflict;
      return `conflict|${entity}|${unit}|${a.article}|${a.start}|${b.article}|${b.start}`;
    }
    case 'entity':
      return `entity|${element.entity.canonical}|${element.entity.type}`;
    case 'entityArticle':
      return `article|${element.entity.canonical}|${element.entity.type}|${element.article}`;
  }
}

/** Where an index path is: a URI, an absolute path, or path segments inside one of the workspace folders (by index). */
export type IndexPathLocation =
  | { kind: 'uri'; uri: string }
  | { kind: 'absolute'; path: string }
  | { kind: 'folder'; folder: number; segments: string[] };

/**
 * Finds an index path: a URI string or an absolute path as it is; a relative path inside the
 * workspace folder whose name it starts with (multi-root), else inside the first folder.
 * @param folderNames The workspace folders' names, in order.
 */
export function locateIndexPath(article: string, folderNames: readonly string[]): IndexPathLocation | undefined {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(article)) return { kind: 'uri', uri: article };
  if (isAbsolute(article)) return { kind: 'absolute', path: article };
  const [first, ...rest] = article.split('/');
  const named = folderNames.length > 1 ? folderNames.indexOf(first) : -1;
  if (named >= 0 && rest.length > 0) return { kind: 'folder', folder: named, segments: rest };
  return folderNames.length > 0 ? { kind: 'folder', folder: 0, segments: article.split('/') } : undefined;
}
