// Runtime localisation of `vscode.l10n.t(...)` strings.
//   node scripts/l10n-extract.mjs           writes l10n/bundle.l10n.json (the English default bundle)
//   node scripts/l10n-extract.mjs --check   writes nothing; lists every string that l10n/bundle.l10n.de.json
//                                           lacks or whose {0}-style placeholders differ, every key of
//                                           package.nls.json that package.nls.de.json lacks, and whether
//                                           bundle.l10n.json is stale; exits 1 if there is any of these.
// Calls whose text is built at run time (variables, concatenation, `${}`) cannot be extracted; they are
// listed as warnings in both modes.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBundle, checkNls, defaultBundle, extractStrings, formatBundle } from './lib/l10n.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const L10N_DIR = join(ROOT, 'l10n');
const DEFAULT_BUNDLE = join(L10N_DIR, 'bundle.l10n.json');
const LANG = 'de';
const TRANSLATED_BUNDLE = join(L10N_DIR, `bundle.l10n.${LANG}.json`);
const check = process.argv.includes('--check');

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
if (manifest.l10n !== './l10n') console.warn(`warning: package.json has "l10n": ${JSON.stringify(manifest.l10n)}, expected "./l10n"`);

const { strings, problems } = extractStrings(ROOT);
const short = (text) => JSON.stringify(text.length > 100 ? `${text.slice(0, 97)}...` : text);

if (problems.length > 0) {
  console.warn(`warning: ${problems.length} l10n.t call(s) with text built at run time (not extractable, never translated):`);
  for (const p of problems) console.warn(`  ${p.location}: ${p.reason}`);
}

const expected = formatBundle(defaultBundle(strings));

if (!check) {
  mkdirSync(L10N_DIR, { recursive: true });
  const before = existsSync(DEFAULT_BUNDLE) ? readFileSync(DEFAULT_BUNDLE, 'utf8') : '';
  if (before !== expected) writeFileSync(DEFAULT_BUNDLE, expected);
  console.log(`l10n: ${strings.length} strings -> l10n/bundle.l10n.json${before === expected ? ' (unchanged)' : ''}`);
  process.exit(0);
}

let failed = false;
const fail = (heading, lines) => {
  failed = true;
  console.log(`\n${heading}`);
  for (const l of lines) console.log(`  ${l}`);
};

const current = existsSync(DEFAULT_BUNDLE) ? readFileSync(DEFAULT_BUNDLE, 'utf8') : '';
if (current !== expected) fail('l10n/bundle.l10n.json is out of date: run `node scripts/l10n-extract.mjs`.', []);

const translated = existsSync(TRANSLATED_BUNDLE) ? JSON.parse(readFileSync(TRANSLATED_BUNDLE, 'utf8')) : {};
const result = checkBundle(strings, translated);
if (result.missing.length > 0) {
  fail(`${result.missing.length} string(s) missing from l10n/bundle.l10n.${LANG}.json:`,
    result.missing.map((s) => `${short(s.key)}    (${s.locations.join(', ')})`));
}
if (result.invalid.length > 0) {
  fail(`${result.invalid.length} empty or non-string translation(s) in l10n/bundle.l10n.${LANG}.json:`, result.invalid.map(short));
}
if (result.placeholderMismatches.length > 0) {
  fail(`${result.placeholderMismatches.length} translation(s) whose placeholders differ from the English:`,
    result.placeholderMismatches.map((m) => `${short(m.key)}: expected ${m.expected.join(' ') || 'none'}, found ${m.actual.join(' ') || 'none'}`));
}
if (result.unused.length > 0) {
  console.log(`\nnote: ${result.unused.length} entr${result.unused.length === 1 ? 'y' : 'ies'} in l10n/bundle.l10n.${LANG}.json no longer used in src/ (harmless; delete when sure):`);
  for (const k of result.unused) console.log(`  ${short(k)}`);
}

const nls = checkNls(ROOT, LANG);
if (nls.missing.length > 0) fail(`${nls.missing.length} key(s) of package.nls.json missing from package.nls.${LANG}.json:`, nls.missing);
if (nls.unused.length > 0) {
  console.log(`\nnote: package.nls.${LANG}.json has key(s) not in package.nls.json: ${nls.unused.join(', ')}`);
}

console.log(failed
  ? `\nl10n check FAILED (${strings.length} strings)`
  : `l10n check ok: ${strings.length} strings, all translated (${LANG}); package.nls.${LANG}.json complete`);
process.exit(failed ? 1 : 0);
