/**
 * The CSV export: one record per annotation, RFC 4180 (comma separated, fields quoted when
 * needed, CRLF between records), with a header record. Columns are documented in docs/exports.md.
 */
import { evidenceUrl, type Evidence } from '../store/annotation';
import { csvRecord } from './escape';
import { lineIndex } from './labels';
import { prepareExport } from './prepare';
import type { ExportedAnnotation, ExportedArticle, ExportInput, ExportOptions } from './types';

/** The header, in column order. */
export const CSV_COLUMNS: readonly string[] = [
  'article',
  'line',
  'status',
  'review_flags',
  'quote',
  'note',
  'evidence',
  'author',
  'created',
  'modified',
  'review_by',
  'article_date',
  'anchor',
  'start',
  'end',
  'private',
  'id',
  // Version 2, appended so that existing column positions never move.
  'assignee',
  'reviewed_by',
  'review_result',
  'tags',
  'evidence_archives',
];

/**
 * Renders the CSV export.
 * @param input The workspace's articles and annotations.
 * @param options Which articles and statuses; the time and age limit for review flags.
 * @returns The CSV text, header first, every record ended by CRLF.
 */
export function exportCsv(input: ExportInput, options: ExportOptions = {}): string {
  const { articles } = prepareExport(input, options);
  const records = [csvRecord(CSV_COLUMNS)];
  for (const article of articles) {
    const lineOf = lineIndex(article.text ?? '');
    for (const exported of article.annotations) records.push(csvRecord(row(article, exported, lineOf)));
  }
  return records.join('');
}

function row(article: ExportedArticle, exported: ExportedAnnotation, lineOf: (offset: number) => number): string[] {
  const { annotation, anchor, flags, withheld } = exported;
  const start = anchor?.start;
  const end = anchor?.end;
  return [
    annotation.article,
    start === undefined ? '' : String(lineOf(start)),
    annotation.status,
    flags.join('; '),
    annotation.quote.exact,
    annotation.note,
    (annotation.evidence ?? []).map(evidenceUrl).join('\n'),
    annotation.author,
    annotation.created,
    annotation.modified,
    annotation.reviewBy ?? '',
    article.date ?? '',
    anchor?.state ?? '',
    start === undefined ? '' : String(start),
    end === undefined ? '' : String(end),
    withheld ? 'yes' : 'no',
    annotation.id,
    annotation.assignee ?? '',
    annotation.review?.by ?? '',
    annotation.review?.result ?? '',
    (annotation.tags ?? []).join('; '),
    archiveLines(annotation.evidence ?? []),
  ];
}

/** Per evidence item, on the same line as its address: the archived copy's file, hash and fetch time, or nothing. */
function archiveLines(evidence: readonly Evidence[]): string {
  const lines = evidence.map((item) => (typeof item !== 'string' && item.archive ? `${item.archive.file} sha256:${item.archive.sha256} fetched:${item.archive.fetched}` : ''));
  return lines.some((line) => line !== '') ? lines.join('\n') : '';
}
