/**
 * Dates and quarters ("26. Januar 2025", "January 27", "Q3 2024", "zweite Quartal"), and dates
 * without a year completed with the article's year.
 */
import { type Token, tokenize } from '../tokens';
import type { Finding } from '../types';
import { MONTH_NUMBERS, ORDINALS, WEEKDAYS } from '../vocabulary';
import { Cursor, isHyphen } from './cursor';
import { ENGLISH_ORDINAL_SUFFIX } from './figures';
import type { Match, YearlessDate } from './match';

export const QUARTER_NOUNS = new Set('Quartal Quartals Quartale Jahresviertel Halbjahr Halbjahres quarter half'.split(' '));

function monthAt(c: Cursor, i: number): number | null {
  const w = c.word(i);
  if (w === null) return null;
  const month = MONTH_NUMBERS.get(w);
  if (month === undefined) return null;
  // "May" is a modal verb and "März"/"Mar" abbreviations are rare: months count only next to a figure.
  return month;
}

function yearAt(c: Cursor, i: number): boolean {
  const t = c.at(i);
  return !!t && t.kind === 'num' && c.near(i) && /^\d{4}$/.test(t.text) && +t.text >= 1900 && +t.text <= 2100;
}

function dayAt(c: Cursor, i: number): boolean {
  const t = c.at(i);
  return !!t && t.kind === 'num' && /^\d{1,2}$/.test(t.text) && +t.text >= 1 && +t.text <= 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The ISO form of a date: "2025-01-26", "2025-01", "2025-Q1", "2025-H1". */
function isoDate(year: number, date: YearlessDate): string {
  if ('period' in date) return `${year}-${date.period}${date.n}`;
  return date.day === undefined ? `${year}-${pad2(date.month)}` : `${year}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** A date match: its ISO value when the year is in the span, else null and where it stands in its year. */
function dateMatch(from: number, to: number, date: YearlessDate, year: number | null): Match {
  return year === null ? { from, to, type: 'date', value: null, yearless: date } : { from, to, type: 'date', value: isoDate(year, date) };
}

function yearValue(c: Cursor, i: number): number {
  return +(c.at(i) as Token).text;
}

const MONTH_ABBREVIATION = /^(Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec)$/;
/** Words between a weekday and its date: "Mittwoch, den 11. November", "Sonntag, dem 24. September". */
const WEEKDAY_ARTICLES = new Set(['den', 'dem', 'the']);

/**
 * A date after its weekday, the weekday inside the span: "Mittwoch, den 11. November", "Freitag,
 * 26.", "Wednesday, November 11", "Tuesday, 12 May". A bare weekday ("am Dienstag") is no number.
 */
export function matchWeekdayDate(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w === null || !WEEKDAYS.has(w)) return null;
  let j = i + 1;
  if (c.sym(j) === ',' && c.glued(j)) j++;
  if (c.isWord(j, WEEKDAY_ARTICLES)) j++;
  if (!c.near(j)) return null;
  const date = matchDate(c, j, true);
  if (date) return { ...date, from: i };
  // "am Freitag, 26. und Samstag, 27. Mai": a day whose month follows later.
  if (j > i + 1 && dayAt(c, j) && c.sym(j + 1) === '.' && c.glued(j + 1) && !(c.at(j + 2)?.kind === 'num' && c.glued(j + 2))) {
    return { from: i, to: j + 2, type: 'date', value: null };
  }
  return null;
}

/**
 * "26. Januar 2025", "27 January", "January 27, 2025", "Juni 2024", "2025-01-27", "27.01.2025".
 * @param afterWeekday true after "Tuesday,": then "12 May" is a date even though "May" is also a verb.
 */
export function matchDate(c: Cursor, i: number, afterWeekday = false): Match | null {
  const t = c.at(i);
  if (!t) return null;
  if (t.kind === 'num') {
    if (/^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})$/.test(t.text)) {
      const [d, m, y] = t.text.split('.').map(Number);
      if (d >= 1 && d <= 31 && m >= 1 && m <= 12) return dateMatch(i, i + 1, { month: m, day: d }, y < 100 ? 2000 + y : y);
    }
    // German "am 21.1." / "21.01.": day and month with a closing dot, no year.
    if (c.language === 'de' && /^\d{1,2}\.\d{1,2}$/.test(t.text) && c.sym(i + 1) === '.' && c.glued(i + 1) && !(c.at(i + 2)?.kind === 'num' && c.glued(i + 2))) {
      const [d, m] = t.text.split('.').map(Number);
      const prev = c.word(i - 1);
      if (d >= 1 && d <= 31 && m >= 1 && m <= 12 && !(prev && /^(Version|version|v|Nr|Paragraf|Abs|Art|Kapitel)$/.test(prev))) return dateMatch(i, i + 2, { month: m, day: d }, null);
    }
    if (/^\d{4}$/.test(t.text) && isHyphen(c.sym(i + 1)) && c.glued(i + 1) && /^\d{2}$/.test(c.at(i + 2)?.text ?? '') && c.glued(i + 2)) {
      const month = +(c.at(i + 2)?.text ?? 0);
      if (month >= 1 && month <= 12 && isHyphen(c.sym(i + 3)) && c.glued(i + 3) && /^\d{2}$/.test(c.at(i + 4)?.text ?? '') && c.glued(i + 4)) {
        const day = +(c.at(i + 4)?.text ?? 0);
        if (day >= 1 && day <= 31) return dateMatch(i, i + 5, { month, day }, +t.text);
      }
    }
    if (dayAt(c, i)) {
      // German "26. Januar", English "27 January"
      let j = i + 1;
      if (c.sym(j) === '.' && c.glued(j)) j++;
      else if (c.glued(j) && ENGLISH_ORDINAL_SUFFIX.test(c.word(j) ?? '')) {
        // "27th January", "the 27th of January"
        j++;
        if (c.word(j) === 'of' && c.near(j)) j++;
      }
      const month = monthAt(c, j);
      if (month !== null && c.near(j) && (j > i + 1 || c.word(j)!.length > 3 || afterWeekday)) {
        let to = j + 1;
        if (c.sym(to) === '.' && c.glued(to) && MONTH_ABBREVIATION.test(c.word(j)!)) to++;
        let year: number | null = null;
        if (yearAt(c, to)) year = yearValue(c, to++);
        return dateMatch(i, to, { month, day: +t.text }, year);
      }
    }
    return null;
  }
  const month = monthAt(c, i);
  if (month === null || !/^\p{Lu}/u.test(t.text)) return null;
  let j = i + 1;
  if (c.sym(j) === '.' && c.glued(j)) j++;
  if (dayAt(c, j) && c.near(j) && !(c.sym(j + 1) === '.' && c.glued(j + 1) && c.at(j + 2)?.kind === 'num')) {
    // "January 27", "January 27, 2025"
    let to = j + 1;
    if (ENGLISH_ORDINAL_SUFFIX.test(c.word(to) ?? '') && c.glued(to)) to++;
    let year: number | null = null;
    if (c.sym(to) === ',' && yearAt(c, to + 1)) {
      year = yearValue(c, to + 1);
      to += 2;
    } else if (yearAt(c, to)) {
      year = yearValue(c, to++);
    }
    if (c.language === 'de' && to === j + 1 && !(c.sym(j + 1) === ',' || c.word(j + 1) === 'und')) {
      // German puts the day first; "Mai 2" is unusual — accept only English order in English text.
      return null;
    }
    return dateMatch(i, to, { month, day: +(c.at(j) as Token).text }, year);
  }
  // "Januar 1815": after a month name a year may be older than the years read as such alone.
  const year = c.at(j);
  if (year?.kind === 'num' && c.near(j) && /^1\d{3}$|^2[01]\d{2}$/.test(year.text)) return dateMatch(i, j + 1, { month }, +year.text);
  return null;
}

/** A year after a quarter: adjacent ("ersten Quartal 2025", "Q3 2024") or, in English, "of 2025". */
function quarterYear(c: Cursor, to: number): { to: number; year: number | null } {
  if (yearAt(c, to)) return { to: to + 1, year: yearValue(c, to) };
  if (c.word(to) === 'of' && c.near(to) && yearAt(c, to + 1)) return { to: to + 2, year: yearValue(c, to + 1) };
  return { to, year: null };
}

/** "zweite Quartal", "ersten Quartal 2025", "2. Quartal", "Q3 2024", "H1 2025", "first half of 2025". */
export function matchQuarter(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  let j: number;
  let n: number;
  if (w !== null && ORDINALS.has(w.toLowerCase()) && (ORDINALS.get(w.toLowerCase()) as number) <= 4 && (ORDINALS.get(w.toLowerCase()) as number) >= 1) {
    j = i + 1;
    n = ORDINALS.get(w.toLowerCase()) as number;
  } else if (dayAt(c, i) && +(c.at(i)?.text ?? 0) <= 4 && c.sym(i + 1) === '.' && c.glued(i + 1)) {
    j = i + 2;
    n = +(c.at(i)?.text ?? 0);
  } else if ((w === 'Q' || w === 'H') && c.glued(i + 1) && /^[1-4]$/.test(c.at(i + 1)?.text ?? '')) {
    n = +(c.at(i + 1)?.text ?? 0);
    if (w === 'H' && n > 2) return null;
    let to = i + 2;
    let year: number | null = null;
    if (c.sym(to) === '/' && c.glued(to) && c.at(to + 1)?.kind === 'num') {
      const y = c.at(to + 1)?.text ?? '';
      if (/^\d{2}$/.test(y)) year = 2000 + +y;
      else if (/^\d{4}$/.test(y)) year = +y;
      to += 2;
    } else if (yearAt(c, to)) {
      year = yearValue(c, to++);
    } else if (w === 'H') {
      return null;
    }
    return dateMatch(i, to, { period: w, n }, year);
  } else {
    return null;
  }
  const noun = c.word(j);
  if (noun === null || !QUARTER_NOUNS.has(noun) || !c.near(j)) return null;
  if (noun === 'half' && c.word(j + 1) !== 'of' && !yearAt(c, j + 1)) return null;
  const half = /^(Halbjahr|Halbjahres|half)$/.test(noun);
  if (half && n > 2) return null;
  const { to, year } = quarterYear(c, j + 1);
  return dateMatch(i, to, { period: half ? 'H' : 'Q', n }, year);
}

/** Where a yearless date finding ("14. April", "zweite Quartal", "January 27") stands in its year, or null. */
function yearlessDate(text: string): YearlessDate | null {
  const tokens = tokenize(text);
  for (const language of ['de', 'en'] as const) {
    const c = new Cursor(tokens, language);
    const match = matchDate(c, 0) ?? matchQuarter(c, 0);
    if (match && match.to === tokens.length && match.yearless) return match.yearless;
  }
  return null;
}

/**
 * The value of a date finding written without a year ("14. April", "zweite Quartal", "January 27")
 * completed with the article's year: "2025-04-14", "2025-Q2". Null when the finding is no such date
 * or the article's year is unknown.
 * @param articleDate the article's date (`Analysis.date`, "YYYY-MM" or "YYYY-MM-DD").
 */
export function completeDateValue(finding: Finding, articleDate: string | null): string | null {
  if (finding.kind !== 'number' || finding.type !== 'date' || finding.value !== null) return null;
  if (!articleDate || !/^\d{4}-/.test(articleDate)) return null;
  const date = yearlessDate(finding.text);
  return date ? isoDate(Number(articleDate.slice(0, 4)), date) : null;
}

/**
 * Completes dates written without a year with the article's year (see completeDateValue).
 * Findings are shared with caches, so changed ones are copies; the others are returned as they are.
 */
export function applyArticleYear<T extends Finding>(findings: readonly T[], articleDate: string | null): T[] {
  if (!articleDate) return [...findings];
  return findings.map((f) => {
    const value = completeDateValue(f, articleDate);
    return value === null ? f : { ...f, value };
  });
}
