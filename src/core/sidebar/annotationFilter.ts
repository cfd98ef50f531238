/**
 * The Annotations view's filters by tag, by author and by date, besides its status and work filters.
 * Pure: the editor asks which tags, people or dates, and keeps the filter; this module decides what
 * passes. Unlike the status filter, these keep orphans out too: an orphan still has its tags, its
 * author and its dates, so the filter can judge it like any other annotation.
 */
import type { L10n } from '../labels/l10n';
import type { Annotation } from '../store/annotation';

/** A range of days (`YYYY-MM-DD`, UTC as the file's times are), both ends included; either may be open. */
export interface DateRange {
  from?: string;
  to?: string;
}

export interface AnnotationFilter {
  /** Annotations with any of these tags. */
  tags?: readonly string[];
  /** Annotations written by any of these people (the annotation's `author`). */
  authors?: readonly string[];
  /** Annotations last changed (`modified`) within the range. */
  dates?: DateRange;
}

/** Whether a filter narrows anything. */
export function isFilterActive(filter: AnnotationFilter): boolean {
  return filter.tags !== undefined || filter.authors !== undefined || filter.dates !== undefined;
}

/** Whether an annotation passes every part of the filter that is set. */
export function passesAnnotationFilter(annotation: Annotation, filter: AnnotationFilter): boolean {
  if (filter.tags && !(annotation.tags ?? []).some((tag) => filter.tags!.includes(tag))) return false;
  if (filter.authors && !filter.authors.includes(annotation.author)) return false;
  if (filter.dates && !inDateRange(annotation.modified, filter.dates)) return false;
  return true;
}

/** Whether an ISO date-time falls on a day of the range (compared as UTC days). */
export function inDateRange(dateTime: string, range: DateRange): boolean {
  // The file's times always carry a zone; "2025-01-31T23:30:00-05:00" is 1 February in UTC.
  const parsed = new Date(dateTime);
  const day = Number.isNaN(parsed.getTime()) ? dateTime.slice(0, 10) : utcDay(parsed);
  return (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);
}

/** The people who wrote the annotations, alphabetically. */
export function authorsOf(annotations: Iterable<Annotation>): string[] {
  const names = new Set<string>();
  for (const annotation of annotations) names.add(annotation.author);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** The UTC day of a date, `YYYY-MM-DD`. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last `days` days up to and including today (`days` 1 is today only). */
export function lastDays(now: Date, days: number): DateRange {
  const from = new Date(now.getTime() - (days - 1) * 24 * 60 * 60 * 1000);
  return { from: utcDay(from), to: utcDay(now) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a string is a real calendar day `YYYY-MM-DD` (2025-02-30 is not). */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && utcDay(date) === text;
}

export type DateRangeParse = { kind: 'ok'; range: DateRange } | { kind: 'invalid' };

/**
 * Reads a typed range: `2025-01-01..2025-01-31`, an open end (`2025-01-01..`, `..2025-01-31`), or
 * one day (`2025-01-15`). The ends may come in either order.
 */
export function parseDateRange(text: string): DateRangeParse {
  const parts = text.trim().split('..').map((p) => p.trim());
  if (parts.length === 1) return isDay(parts[0]) ? { kind: 'ok', range: { from: parts[0], to: parts[0] } } : { kind: 'invalid' };
  if (parts.length !== 2) return { kind: 'invalid' };
  const [from, to] = parts;
  if ((from === '' && to === '') || (from !== '' && !isDay(from)) || (to !== '' && !isDay(to))) return { kind: 'invalid' };
  const range: DateRange = {};
  if (from !== '' && to !== '' && from > to) return { kind: 'ok', range: { from: to, to: from } };
  if (from !== '') range.from = from;
  if (to !== '') range.to = to;
  return { kind: 'ok', range };
}

/** A range as it is typed and shown: `2025-01-01..2025-01-31`, `2025-01-01..`, one day as itself. */
export function formatDateRange(range: DateRange): string {
  if (range.from !== undefined && range.from === range.to) return range.from;
  return `${range.from ?? ''}..${range.to ?? ''}`;
}

/** A choice of Filter by Date: a range of days, a typed range (`custom`), or any time (neither). */
export interface DateChoice {
  label: string;
  description?: string;
  range?: DateRange;
  custom?: boolean;
}

/** Today, the last 7 or 30 days (each with its days), a typed range, or any time. */
export function dateFilterChoices(l10n: L10n, now: Date): DateChoice[] {
  const choices: DateChoice[] = [
    { label: l10n.t('Today'), range: lastDays(now, 1) },
    { label: l10n.t('Last 7 days'), range: lastDays(now, 7) },
    { label: l10n.t('Last 30 days'), range: lastDays(now, 30) },
    { label: l10n.t('Between dates…'), custom: true },
    { label: l10n.t('Any time') },
  ];
  return choices.map((choice) => (choice.range ? { ...choice, description: formatDateRange(choice.range) } : choice));
}
