/**
 * The step every format shares: select articles and annotations, re-anchor them against the
 * current text, compute review flags and withhold private notes, once, before any format sees them.
 */
import { readArticleDate } from '../analysis';
import { resolveAnchor } from '../store';
import type { Annotation } from '../store/annotation';
import { contentHash } from '../review/contentHash';
import { DEFAULT_MAX_VERIFIED_AGE_DAYS, reviewFlags } from '../review/reviewState';
import { DEFAULT_TEAM, type TeamConfig } from '../team/team';
import { workflowState } from '../team/workflow';
import { baseIriProblem } from './iri';
import type { ExportAnchor, ExportedAnnotation, ExportedArticle, ExportInput, ExportOptions } from './types';

export interface PreparedExport {
  articles: ExportedArticle[];
  now: Date;
  team: TeamConfig;
}

/**
 * Selects, re-anchors and flags the annotations to export, grouped by article in path order.
 * @throws Error when the configured base IRI is not an absolute http(s) address.
 */
export function prepareExport(input: ExportInput, options: ExportOptions = {}): PreparedExport {
  if (input.baseIri !== undefined) {
    const problem = baseIriProblem(input.baseIri);
    if (problem) throw new Error(problem);
  }
  const now = options.now ?? new Date();
  const team = input.team ?? DEFAULT_TEAM;
  const maxVerifiedAgeDays = options.maxVerifiedAgeDays ?? DEFAULT_MAX_VERIFIED_AGE_DAYS;
  const statuses = options.statuses ? new Set(options.statuses) : null;
  const texts = new Map(input.articles.map((article) => [article.path, article]));
  const byArticle = groupByArticle(input.annotations);
  const paths = options.articles
    ? [...new Set(options.articles)]
    : [...new Set([...texts.keys(), ...byArticle.keys()])];

  const articles = paths.sort().map((path): ExportedArticle => {
    const source = texts.get(path);
    const text = source?.text ?? null;
    const annotations = byArticle.get(path) ?? [];
    const needsHash = text !== null && annotations.some((a) => a.articleHash);
    const articleTextHash = needsHash ? contentHash(text) : undefined;
    const anchors = annotations.map((a) => (text === null ? null : anchorOf(text, a)));
    const selected: ExportedAnnotation[] = [];
    annotations.forEach((annotation, i) => {
      if (statuses && !statuses.has(annotation.status)) return;
      const flags = reviewFlags(annotation, {
        now,
        maxVerifiedAgeDays,
        ...(text === null ? {} : { articleText: text, articleTextHash }),
      });
      const workflow = workflowState(annotation, team);
      selected.push({ annotation: withholdPrivate(annotation), withheld: annotation.private === true, anchor: anchors[i], flags, workflow });
    });
    selected.sort((a, b) => startOf(a) - startOf(b));
    return {
      path,
      text,
      date: source?.analysis?.date ?? (text === null ? null : readArticleDate(text).date),
      ...(source?.analysis ? { analysis: source.analysis } : {}),
      annotations: selected,
      allAnchors: anchors.filter((anchor): anchor is ExportAnchor => anchor !== null),
    };
  });
  return { articles, now, team };
}

function groupByArticle(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const groups = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const group = groups.get(annotation.article);
    if (group) group.push(annotation);
    else groups.set(annotation.article, [annotation]);
  }
  return groups;
}

function anchorOf(text: string, annotation: Annotation): ExportAnchor {
  const resolved = resolveAnchor(text, annotation.quote, annotation.position);
  return resolved.start === undefined || resolved.end === undefined
    ? { state: resolved.state }
    : { state: resolved.state, start: resolved.start, end: resolved.end };
}

/** A private annotation's note, evidence and discussion never leave the workspace: they are dropped here. */
function withholdPrivate(annotation: Annotation): Annotation {
  if (annotation.private !== true) return annotation;
  const copy: Annotation = { ...annotation, note: '' };
  delete copy.evidence;
  delete copy.comments;
  if (copy.review?.note !== undefined) copy.review = { by: copy.review.by, at: copy.review.at, result: copy.review.result, status: copy.review.status };
  return copy;
}

function startOf(exported: ExportedAnnotation): number {
  return exported.anchor?.start ?? exported.annotation.position.start;
}
