/**
 * Places a workspace folder's annotations in their articles' current text, for the Annotations view
 * and its badge (which counts fuzzy and orphaned annotations across the workspace). An open article's
 * placements come from its session's snapshot (the caller's `open`); an article no editor has is read
 * and resolved by the core, as `ai-news-annotator check` does, a few at a time, never opened as a
 * document. Those placements are kept while neither the file (mtime, size) nor its annotations
 * changed, so that a refresh reads and resolves only what did, and two refreshes at once share the
 * work. An article that cannot be read (deleted, renamed) has only orphans.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlacedAnnotation } from '../session/articleSession';
import { placeClosedArticle } from '../session/closedArticle';
import type { Annotation } from '../store/annotation';
import { blindVisible } from '../team/myWork';
import type { TeamConfig } from '../team/team';
import { groupByKey } from './annotationGroups';
import type { ArticlePlacements } from './annotationTreeModel';
import { mapLimit } from './concurrency';

export interface FolderToPlace {
  /** The workspace folder's path. */
  root: string;
  /** Every annotation of the folder. */
  annotations: readonly Annotation[];
  /** The placements of an article an editor has open (its snapshot's); undefined for a closed one. */
  open(article: string): readonly PlacedAnnotation[] | undefined;
  /** Blind double check on: others' verdicts stay out until `me` gave mine (open articles' sessions do the same). */
  blind?: { team: TeamConfig; me: string };
  now: Date;
  maxVerifiedAgeDays: number;
}

export interface PlacementLimits {
  /** Articles read from disk at the same time. */
  concurrency: number;
  /** Larger files are not read (their annotations show as orphans). */
  maxBytes: number;
}

/** Annotations work in articles too large to analyse; only files beyond 32 MB are not read. */
export const DEFAULT_PLACEMENT_LIMITS: PlacementLimits = { concurrency: 8, maxBytes: 32 * 1024 * 1024 };

interface ClosedArticle {
  stamp: string;
  placed: Promise<PlacedAnnotation[]>;
}

export class FolderPlacements {
  /** Each folder's placements until the next {@link refresh}, by the caller's key. */
  private readonly current = new Map<string, Promise<ArticlePlacements[]>>();
  /** Placements of articles that are not open, per folder root and article. */
  private readonly closed = new Map<string, Map<string, ClosedArticle>>();

  constructor(private readonly limits: PlacementLimits = DEFAULT_PLACEMENT_LIMITS) {}

  /**
   * The folder's articles with their annotations placed, in path order: placed once until the next
   * {@link refresh}, and shared by everyone who asks meanwhile.
   * @param key Names the folder.
   * @param folder What to place, asked for only when the folder is placed.
   */
  placed(key: string, folder: () => FolderToPlace): Promise<ArticlePlacements[]> {
    let pending = this.current.get(key);
    if (!pending) {
      pending = this.place(folder());
      this.current.set(key, pending);
    }
    return pending;
  }

  /** Places every folder again when next asked (closed articles are read again only when they or their annotations changed). */
  refresh(): void {
    this.current.clear();
  }

  /** Forgets every placement it keeps. */
  clear(): void {
    this.current.clear();
    this.closed.clear();
  }

  private async place(folder: FolderToPlace): Promise<ArticlePlacements[]> {
    const byArticle = groupByKey(folder.annotations, (a) => a.article);
    const blind = folder.blind;
    if (blind) for (const [article, list] of byArticle) byArticle.set(article, [...blindVisible(list, blind.team, blind.me, true)]);
    const paths = [...byArticle.keys()].sort((a, b) => a.localeCompare(b));
    const cache = this.keepOnly(folder.root, paths);
    return mapLimit(paths, this.limits.concurrency, async (article) => ({
      article,
      placed: await this.placeArticle(folder, cache, article, byArticle.get(article) ?? []),
    }));
  }

  /** The folder's cache, without articles that no longer have annotations. */
  private keepOnly(root: string, articles: readonly string[]): Map<string, ClosedArticle> {
    const cache = this.closed.get(root) ?? new Map<string, ClosedArticle>();
    const keep = new Set(articles);
    for (const article of cache.keys()) if (!keep.has(article)) cache.delete(article);
    this.closed.set(root, cache);
    return cache;
  }

  private async placeArticle(folder: FolderToPlace, cache: Map<string, ClosedArticle>, article: string, annotations: readonly Annotation[]): Promise<PlacedAnnotation[]> {
    const open = folder.open(article);
    if (open) {
      cache.delete(article);
      return [...open];
    }
    const stamp = `${await fileStamp(join(folder.root, ...article.split('/')))}|${annotationsStamp(annotations, folder.now)}`;
    const known = cache.get(article);
    if (known?.stamp === stamp) return known.placed;
    const entry: ClosedArticle = {
      stamp,
      placed: placeClosedArticle(folder.root, article, annotations, { now: folder.now, maxVerifiedAgeDays: folder.maxVerifiedAgeDays, maxBytes: this.limits.maxBytes }),
    };
    cache.set(article, entry);
    // A failure is not kept: the next refresh tries again.
    entry.placed.catch(() => {
      if (cache.get(article) === entry) cache.delete(article);
    });
    return entry.placed;
  }
}

/** Changes when the file does (or disappears). */
async function fileStamp(path: string): Promise<string> {
  try {
    const stats = await stat(path);
    return `${stats.mtimeMs}:${stats.size}`;
  } catch {
    return 'missing';
  }
}

/** Changes when any of the annotations does in a way that moves or restates it; the day counts for re-check flags. */
function annotationsStamp(annotations: readonly Annotation[], now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return `${day}|${annotations.map((a) => `${a.id}:${a.modified}:${a.assignee ?? ''}:${a.review?.at ?? ''}:${a.status}:${a.position.start}-${a.position.end}:${a.quote.exact.length}:${a.reviewBy ?? ''}:${a.articleHash ?? ''}:${a.note.length}`).join(',')}`;
}
