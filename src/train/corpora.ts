/**
 * Reads the training corpora copied into `data/corpora` (see data/corpora/COPIED.md for sources and
 * licences). One JSON object per line; offsets are UTF-16 code units, end exclusive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CorpusLabel = 'person' | 'org' | 'place' | 'product' | 'other';

export interface CorpusSpan {
  start: number;
  end: number;
  label: CorpusLabel;
  /** The source corpus's own label, e.g. "LOCderiv" or "misc"; use it to filter. */
  label_orig: string;
  text: string;
}

export interface NerRecord {
  id: string;
  lang: 'de' | 'en';
  text: string;
  spans: CorpusSpan[];
  domain?: string;
  src?: string;
}

export interface ClaimRecord {
  id: string;
  lang: 'de' | 'en';
  text: string;
  label: 0 | 1;
  source_label: string;
}

/** The folder that holds `ner/` and `claims/`; `AINEWS_CORPORA` overrides it. */
export function corporaDir(root = process.cwd()): string {
  return process.env.AINEWS_CORPORA ?? join(root, 'data', 'corpora');
}

/**
 * Parses a JSONL file; an unparsable line is reported with its file and line number.
 * @param path absolute path of the file
 */
export function readJsonl<T>(path: string): T[] {
  const records: T[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch (error) {
      throw new Error(`${path}:${i + 1}: not JSON (${(error as Error).message})`);
    }
  }
  return records;
}

/** Reads `ner/<name>.jsonl` from the corpora folder. */
export function readNer(name: string, dir = corporaDir()): NerRecord[] {
  return readJsonl<NerRecord>(join(dir, 'ner', `${name}.jsonl`));
}

/** Reads `claims/<name>.jsonl` from the corpora folder. */
export function readClaims(name: string, dir = corporaDir()): ClaimRecord[] {
  return readJsonl<ClaimRecord>(join(dir, 'claims', `${name}.jsonl`));
}
