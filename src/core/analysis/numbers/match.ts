/** What the number matchers return: a match over token indices, a figure, a date without a year. */
import type { NumberType } from '../types';

export interface Match {
  /** Token indices, end exclusive. */
  from: number;
  to: number;
  type: NumberType;
  value: number | string | null;
  unit?: string;
  /** A date without a year: what the article's year would complete. */
  yearless?: YearlessDate;
  /** The scale word's factor of an amount ("Milliarden" → 1e9), for elliptical neighbours. */
  scale?: number;
}

export interface Figure {
  to: number;
  value: number;
  /** Written in digits. */
  digits: boolean;
  /** "ein", "one", "a": a number only next to a scale, Prozent or currency. */
  weak: boolean;
  raw: string;
}

/** Where a date without a year stands in its year: month and day, or a quarter or half-year. */
export type YearlessDate = { month: number; day?: number } | { period: 'Q' | 'H'; n: number };
