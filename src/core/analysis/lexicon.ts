/**
 * The curated lexicon of the AI field (shipped as JSON under ./data) and the team's own
 * additions from `.ainews/entities.json`. Format (documented in docs/analysis.md):
 *
 *   {"version": 1, "entities": [{"name": "Moonshot AI", "type": "org", "aliases": ["Moonshot"]}]}
 *
 * Optional per entry: `versioned` (a model family that takes a version: "Qwen" → "Qwen 2.5"),
 * `caseSensitive` (match the exact spelling only; by default "NVIDIA" and "Deepseek" match,
 * but an all-lower-case word never matches a capitalised name, so "meta" is not "Meta").
 */
import type { EntityType } from './types';
import { tokenize } from './tokens';
import { WordFilter } from './wordFilter';
import { describeProblem, duplicateKeyProblemOf, syntaxProblem } from '../store/file';
import shipped from './data/entities.json';

export const LEXICON_FILE_VERSION = 1;
export const ENTITY_TYPES: readonly EntityType[] = ['org', 'product', 'person', 'place', 'outlet', 'other'];

export interface LexiconEntry {
  /** Canonical name, e.g. "Alibaba". */
  name: string;
  type: EntityType;
  /** Other spellings and short forms, e.g. "Alibaba Group", "阿里巴巴". */
  aliases?: string[];
  /** A model family or product line that takes a version ("Qwen" → "Qwen 2.5", "GPT" → "GPT-4o"). */
  versioned?: boolean;
  /** Match the exact spelling only. */
  caseSensitive?: boolean;
}

/** One token of a compiled name. */
export interface NamePart {
  raw: string;
  lower: string;
  /** Must follow the previous part without any separator ("01.AI"); otherwise a space or hyphen. */
  glued: boolean;
  /** Two or more characters, all in capitals ("SAP"): matches only a word in capitals. */
  acronym: boolean;
}

export interface CompiledName {
  parts: NamePart[];
  entry: LexiconEntry;
}

/** An immutable, indexed lexicon. Build with defaultLexicon() and withEntries(). */
export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
  /** Compiled names keyed by their first part in lower case, longest first. */
  readonly index: ReadonlyMap<string, readonly CompiledName[]>;
  /**
   * The names of `index` that a word in lower case can start: those whose first part is written in
   * lower case ("t3n"; "the" opens 23 names, none of them for "the" in lower case). In index order.
   */
  readonly lowerCaseIndex: ReadonlyMap<string, readonly CompiledName[]>;
  /** The index's keys behind a word filter, any casing: see mayBeKey. */
  readonly keyFilter: WordFilter;
}

/**
 * False when the lower case of the first `length` characters of `word` (any casing) is certainly no
 * key of the lexicon's index; true when it may be. Most words of a text are no key, and this answers
 * from the characters in place: the index lookup hashes a string, often a new lower-case copy, and
 * the German genitive's stem would be built first (the entity rules ask for every word).
 */
export function mayBeKey(lexicon: Lexicon, word: string, length = word.length): boolean {
  if (length <= 0) return lexicon.index.has('');
  return lexicon.keyFilter.mayHave(word, length);
}

function compileName(name: string, entry: LexiconEntry): CompiledName | null {
  const parts: NamePart[] = [];
  let glued = false;
  for (const token of tokenize(name)) {
    if (token.kind === 'sym' && (token.text === '-' || token.text === '‑')) {
      glued = false;
      continue;
    }
    const isGlued = parts.length > 0 && !token.spaceBefore && glued;
    const raw = token.text;
    parts.push({ raw, lower: raw.toLowerCase(), glued: isGlued, acronym: raw.length > 1 && raw === raw.toUpperCase() });
    glued = true;
  }
  return parts.length ? { parts, entry } : null;
}

/**
 * German declines adjectives inside names: "Deutsche Bank" → "der Deutschen Bank",
 * "Statistisches Bundesamt" → "vom Statistischen Bundesamt". Returns the declined spellings.
 */
function declinedVariants(name: string): string[] {
  const match = /^(\p{Lu}\p{Ll}+?)(e|es|er)( \p{Lu}.*)$/u.exec(name);
  if (!match || !/(isch|lich|sch|ig|al|ell|iv|sche|e)$/.test(match[1] + 'e') || match[1].length < 4) return [];
  return ['en', 'em', 'er', 'es', 'e'].filter((ending) => ending !== match[2]).map((ending) => match[1] + ending + match[3]);
}

function buildIndex(entries: readonly LexiconEntry[]): Map<string, CompiledName[]> {
  const index = new Map<string, CompiledName[]>();
  // Later entries win for the same spelling: a team's file can retype a shipped name. Spellings of
  // one entry that differ only in case ("DAX" and "Dax" of a case-sensitive entry) are all kept.
  const seen = new Map<string, CompiledName[]>();
  for (const entry of entries) {
    const spellings = [entry.name, ...(entry.aliases ?? [])];
    for (const name of [...spellings, ...spellings.flatMap(declinedVariants)]) {
      const compiled = compileName(name, entry);
      if (!compiled) continue;
      const key = compiled.parts.map((p) => (p.glued ? '' : ' ') + p.lower).join('');
      const raw = compiled.parts.map((p) => p.raw).join(' ');
      let previous = seen.get(key);
      if (previous && previous[0].entry !== entry) {
        const list = index.get(previous[0].parts[0].lower) as CompiledName[];
        for (const old of previous) list.splice(list.indexOf(old), 1);
        previous = undefined;
      }
      if (previous?.some((p) => p.parts.map((q) => q.raw).join(' ') === raw)) continue;
      if (previous) previous.push(compiled);
      else seen.set(key, [compiled]);
      const list = index.get(compiled.parts[0].lower) ?? [];
      list.push(compiled);
      index.set(compiled.parts[0].lower, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  return index;
}

/** The index without the names a lower-case word cannot start (see Lexicon.lowerCaseIndex). */
function lowerCaseIndexOf(index: ReadonlyMap<string, readonly CompiledName[]>): Map<string, CompiledName[]> {
  const lowerCase = new Map<string, CompiledName[]>();
  for (const [key, names] of index) {
    const startable = names.filter((name) => name.parts[0].raw === name.parts[0].lower);
    if (startable.length) lowerCase.set(key, startable);
  }
  return lowerCase;
}

function makeLexicon(entries: readonly LexiconEntry[]): Lexicon {
  const index = buildIndex(entries);
  return Object.freeze({ entries: Object.freeze([...entries]), index, lowerCaseIndex: lowerCaseIndexOf(index), keyFilter: new WordFilter(index.keys(), true) });
}

/**
 * Validates a lexicon file's text (`.ainews/entities.json` or the shipped data).
 * @returns the valid entries and one message per problem; a bad entry is skipped, the rest kept.
 *   A syntax error or a key written twice (which JSON.parse would drop unseen) gives no entries, named
 *   with line and column.
 */
export function parseLexiconFile(jsonText: string): { entries: LexiconEntry[]; errors: string[] } {
  const errors: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (error) {
    return { entries: [], errors: [describeProblem(syntaxProblem(jsonText, error))] };
  }
  // JSON.parse keeps the last of a key written twice: an entry would change or vanish unseen.
  const duplicate = duplicateKeyProblemOf(jsonText, data);
  if (duplicate) return { entries: [], errors: [`${describeProblem(duplicate)}; no entry of the file is used until it is fixed`] };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { entries: [], errors: ['expected an object like {"version": 1, "entities": [...]}'] };
  }
  const file = data as Record<string, unknown>;
  if (file.version !== LEXICON_FILE_VERSION) {
    errors.push(`"version" must be ${LEXICON_FILE_VERSION} (found ${JSON.stringify(file.version)})`);
    if (typeof file.version === 'number' && file.version > LEXICON_FILE_VERSION) return { entries: [], errors };
  }
  if (!Array.isArray(file.entities)) {
    errors.push('"entities" must be an array');
    return { entries: [], errors };
  }
  const entries: LexiconEntry[] = [];
  file.entities.forEach((raw: unknown, i: number) => {
    const where = `entities[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push(`${where}: expected an object with "name" and "type"`);
      return;
    }
    const item = raw as Record<string, unknown>;
    if (typeof item.name !== 'string' || !item.name.trim()) {
      errors.push(`${where}: "name" must be a non-empty string`);
      return;
    }
    const label = `${where} (${JSON.stringify(item.name)})`;
    if (typeof item.type !== 'string' || !ENTITY_TYPES.includes(item.type as EntityType)) {
      errors.push(`${label}: "type" must be one of ${ENTITY_TYPES.join(', ')} (found ${JSON.stringify(item.type)})`);
      return;
    }
    const entry: LexiconEntry = { name: item.name.trim(), type: item.type as EntityType };
    if (item.aliases !== undefined) {
      if (!Array.isArray(item.aliases) || item.aliases.some((a) => typeof a !== 'string' || !a.trim())) {
        errors.push(`${label}: "aliases" must be an array of non-empty strings`);
        return;
      }
      entry.aliases = (item.aliases as string[]).map((a) => a.trim());
    }
    for (const flag of ['versioned', 'caseSensitive'] as const) {
      if (item[flag] === undefined) continue;
      if (typeof item[flag] !== 'boolean') {
        errors.push(`${label}: "${flag}" must be true or false`);
        return;
      }
      entry[flag] = item[flag] as boolean;
    }
    const unknown = Object.keys(item).filter((k) => !['name', 'type', 'aliases', 'versioned', 'caseSensitive'].includes(k));
    if (unknown.length) errors.push(`${label}: unknown field(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')} ignored`);
    entries.push(entry);
  });
  return { entries, errors };
}

let shippedLexicon: Lexicon | undefined;

/** The shipped lexicon of AI companies, models, chips, people, places, outlets and benchmarks (built once, immutable). */
export function defaultLexicon(): Lexicon {
  shippedLexicon ??= makeLexicon(shipped.entities as LexiconEntry[]);
  return shippedLexicon;
}

/** A new lexicon with `entries` added; an entry with an existing spelling replaces the old one. */
export function withEntries(lexicon: Lexicon, entries: readonly LexiconEntry[]): Lexicon {
  return makeLexicon([...lexicon.entries, ...entries]);
}
