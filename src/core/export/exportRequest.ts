/**
 * The editor's "AI News: Export…" as data: the folder's loaded articles and annotations, its
 * settings and the user's answers, rendered through the same entry point as the command line.
 */
import type { L10n } from '../labels/l10n';
import { escapeIcons } from '../sidebar/text';
import { STATUSES, type Annotation, type Status } from '../store/annotation';
import { EXPORT_FORMATS, type ExportFormat } from './index';
import { EXPORT_EXTENSIONS, renderExport } from './render';
import type { TeamConfig } from '../team/team';
import type { ExportArticle, ExportInput, ExportOptions } from './types';

/** The settings of a workspace folder that an export reads. */
export interface ExportSettings {
  /** Empty: `urn:ainews:` names. */
  exportBaseIri: string;
  /** Empty: no reviewer named. */
  author: string;
  maxVerifiedAgeDays: number;
  maxArticleAgeDays: number;
}

export interface ExportRequest {
  articles: readonly ExportArticle[];
  annotations: readonly Annotation[];
  settings: ExportSettings;
  statuses: Status[];
  /** The folder's team file (statuses, second review, rating scale), as the command line passes it. */
  team?: TeamConfig;
  /** Only this article (its workspace-relative path); else every article. */
  article?: string;
}

/** The statuses an export offers to include: the built-in ones, then every other status an annotation has (a team's own). */
export function exportableStatuses(annotations: readonly Annotation[]): Status[] {
  return [...new Set<Status>([...STATUSES, ...annotations.map((a) => a.status)])];
}

/** The name the save dialog proposes, e.g. `ainews-markdown.md`. */
export function defaultExportFileName(format: ExportFormat): string {
  return `ainews-${format}.${EXPORT_EXTENSIONS[format]}`;
}

/** Renders the request in one format: the text of the file to write. */
export function renderExportRequest(format: ExportFormat, request: ExportRequest): string {
  const { settings } = request;
  const input: ExportInput = {
    articles: request.articles.map((a) => ({ path: a.path, text: a.text, analysis: a.analysis })),
    annotations: [...request.annotations],
  };
  if (settings.exportBaseIri) input.baseIri = settings.exportBaseIri;
  if (settings.author) input.reviewer = settings.author;
  if (request.team) input.team = request.team;
  const options: ExportOptions = {
    statuses: request.statuses,
    maxVerifiedAgeDays: settings.maxVerifiedAgeDays,
    maxArticleAgeDays: settings.maxArticleAgeDays,
  };
  if (request.article) options.articles = [request.article];
  return renderExport(format, input, options);
}

const FORMAT_LABELS: Record<ExportFormat, (l10n: L10n) => { label: string; detail: string }> = {
  markdown: (l10n) => ({ label: l10n.t('Markdown report'), detail: l10n.t('Per article: verdict counts, annotated claims, unreviewed claims') }),
  csv: (l10n) => ({ label: l10n.t('CSV'), detail: l10n.t('One row per annotation, for spreadsheets') }),
  w3c: (l10n) => ({ label: l10n.t('W3C Web Annotation'), detail: l10n.t('An AnnotationCollection in JSON-LD') }),
  claimreview: (l10n) => ({ label: l10n.t('schema.org ClaimReview'), detail: l10n.t('JSON-LD as fact-checkers publish it') }),
};

/** What to export: the active article (named, as text) or all articles. */
export function exportScopeItems(l10n: L10n, articleName: string): { label: string; description?: string; scope: 'article' | 'all' }[] {
  return [
    { label: l10n.t('This article'), description: escapeIcons(articleName), scope: 'article' },
    { label: l10n.t('All articles'), scope: 'all' },
  ];
}

/** The formats as the editor offers them, in order, each with what it is for. */
export function exportFormatItems(l10n: L10n): { label: string; detail: string; format: ExportFormat }[] {
  return EXPORT_FORMATS.map((format) => ({ ...FORMAT_LABELS[format](l10n), format }));
}
