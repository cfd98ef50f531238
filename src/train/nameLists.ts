/**
 * Compiles the name lists in data/gazetteers (built by scripts/build-gazetteers.mjs from openly
 * licensed packages; sources and licences in its README and NOTICE) into the text form that the
 * German tagger is trained with and carries in its model file (tagger/nameLists.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NameLists } from '../core/analysis/tagger/nameLists';

/** The folder of the lists; `AINEWS_GAZETTEERS` overrides it. */
export function gazetteersDir(root = process.cwd()): string {
  return process.env.AINEWS_GAZETTEERS ?? join(root, 'data', 'gazetteers');
}

/** The plain lists and the value each gives its words. */
const PLAIN_LISTS: readonly [file: string, value: string][] = [
  ['regions.txt', 'region'],
  ['countries.txt', 'country'],
  ['surnames.txt', 'surname'],
  ['given-names.txt', 'given'],
];

function linesOf(dir: string, file: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch (error) {
    throw new Error(`cannot read the name list ${join(dir, file)}: ${(error as Error).message} (npm run gazetteers builds it)`);
  }
  return text.split('\n').filter((line) => line && !line.startsWith('#'));
}

/**
 * The places' values: the population class at home (Germany, Austria, Switzerland) and abroad, each
 * when there is one ("place-home3", "place-abroad2").
 */
function placeValues(line: string, file: string): [string, string[]] {
  const [name, home, abroad] = line.split('\t');
  if (!name || !/^[0-4]$/.test(home ?? '') || !/^[0-4]$/.test(abroad ?? '')) throw new Error(`${file}: expected "name<tab>class<tab>class", got "${line}"`);
  const values: string[] = [];
  if (home !== '0') values.push(`place-home${home}`);
  if (abroad !== '0') values.push(`place-abroad${abroad}`);
  return [name, values];
}

/** All lists as one NameLists, words sorted, so that the same files give the same model bytes. */
export function readNameLists(dir = gazetteersDir()): NameLists {
  const values = new Map<string, string[]>();
  const add = (word: string, more: string[]): void => {
    if (more.length) values.set(word, [...(values.get(word) ?? []), ...more]);
  };
  for (const line of linesOf(dir, 'places.tsv')) add(...placeValues(line, join(dir, 'places.tsv')));
  for (const [file, value] of PLAIN_LISTS) for (const word of linesOf(dir, file)) add(word, [value]);
  const words = [...values.keys()].sort();
  return new NameLists(words.map((w) => `${w}\t${values.get(w)?.join(' ') ?? ''}`).join('\n'));
}
