/**
 * Places the annotations of an article no editor has open, as `check` does: read from disk, resolve
 * every annotation in one pass, add the review flags. An article that cannot be read has only orphans.
 */
import { contentHashInSlices } from '../review/contentHash';
import { reviewFlags } from '../review/reviewState';
import { resolveAll } from '../store/anchor';
import type { Annotation } from '../store/annotation';
import { readArticle } from '../workspace';
import type { PlacedAnnotation } from './articleSession';

export interface ClosedArticleOptions {
  now: Date;
  maxVerifiedAgeDays: number;
  /** Larger files are not read (their annotations show as orphans). */
  maxBytes: number;
}

/**
 * @param root The workspace folder.
 * @param article The article path as the annotation file has it.
 * @param annotations The article's annotations.
 */
export async function placeClosedArticle(root: string, article: string, annotations: readonly Annotation[], options: ClosedArticleOptions): Promise<PlacedAnnotation[]> {
  const read = await readArticle(root, article, { maxBytes: options.maxBytes });
  const review = { now: options.now, maxVerifiedAgeDays: options.maxVerifiedAgeDays };
  if (read.kind !== 'ok') return annotations.map((annotation) => ({ annotation, state: 'orphaned', flags: reviewFlags(annotation, review) }));
  const resolved = resolveAll(read.text, annotations);
  const articleTextHash = await contentHashInSlices(read.text, () => new Promise((resolve) => setImmediate(resolve)));
  return annotations.map((annotation, i) => {
    const r = resolved[i];
    const flags = reviewFlags(annotation, { ...review, articleTextHash });
    return r.state === 'orphaned' ? { annotation, state: 'orphaned', flags } : { annotation, state: r.state, span: { start: r.start, end: r.end }, flags };
  });
}
