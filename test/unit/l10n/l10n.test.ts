import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The extraction logic lives in scripts/lib/l10n.mjs (plain Node ESM, shared with
// scripts/l10n-extract.mjs); these are the parts of its API the test uses.
interface L10nString { key: string; message: string; comment?: string[]; locations: string[] }
interface L10nProblem { location: string; reason: string }
interface BundleCheck {
  ok: boolean;
  missing: L10nString[];
  placeholderMismatches: { key: string; translation: string; expected: string[]; actual: string[]; locations: string[] }[];
  invalid: string[];
  unused: string[];
}
interface L10nLib {
  extractStrings(rootDir: string): { strings: L10nString[]; problems: L10nProblem[] };
  extractFromSource(text: string, file?: string): { found: { message: string; comment?: string[]; location: string }[]; problems: L10nProblem[] };
  checkBundle(strings: L10nString[] | Record<string, string>, bundle: Record<string, unknown>): BundleCheck;
  defaultBundle(strings: L10nString[]): Record<string, unknown>;
  formatBundle(bundle: Record<string, unknown>): string;
}

/** The repository root: the nearest folder above the compiled test that holds package.json. */
function findRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'lib', 'l10n.mjs'))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`no package.json with scripts/lib/l10n.mjs above ${__dirname} or ${process.cwd()}`);
}

const ROOT = findRoot();
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;
const loadLib = async (): Promise<L10nLib> => (await import(pathToFileURL(join(ROOT, 'scripts', 'lib', 'l10n.mjs')).href)) as L10nLib;
const show = (lines: string[]): string => lines.map((l) => `\n  ${l}`).join('');
const quote = (s: string): string => JSON.stringify(s);

describe('l10n: runtime strings (vscode.l10n.t)', () => {
  let lib: L10nLib;
  let strings: L10nString[];
  let problems: L10nProblem[];

  before(async () => {
    lib = await loadLib();
    ({ strings, problems } = lib.extractStrings(ROOT));
  });

  it('finds the strings of the extension', () => {
    assert.ok(strings.length > 50, `only ${strings.length} strings extracted from src/`);
  });

  it('has a German translation of every string, with the same placeholders', () => {
    const result = lib.checkBundle(strings, readJson('l10n/bundle.l10n.de.json'));
    assert.deepEqual(result.missing.map((s) => s.key), [],
      `missing from l10n/bundle.l10n.de.json (see node scripts/l10n-extract.mjs --check):${show(result.missing.map((s) => `${quote(s.key)}  (${s.locations.join(', ')})`))}`);
    assert.deepEqual(result.invalid, [], `empty translations:${show(result.invalid.map(quote))}`);
    assert.deepEqual(result.placeholderMismatches.map((m) => m.key), [],
      `placeholders differ:${show(result.placeholderMismatches.map((m) => `${quote(m.key)} -> ${quote(m.translation)}`))}`);
    assert.equal(result.ok, true);
  });

  it('ships an up-to-date default bundle (l10n/bundle.l10n.json)', () => {
    const current = readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8');
    assert.equal(current, lib.formatBundle(lib.defaultBundle(strings)), 'l10n/bundle.l10n.json is stale: run node scripts/l10n-extract.mjs');
  });

  it('can extract every call (no text built at run time)', () => {
    assert.deepEqual(problems.map((p) => `${p.location}: ${p.reason}`), []);
  });

  it('is declared in package.json', () => {
    assert.equal(readJson('package.json').l10n, './l10n');
  });
});

describe('l10n: manifest strings (package.nls)', () => {
  it('package.nls.de.json has every key of package.nls.json', () => {
    const en = readJson('package.nls.json');
    const de = readJson('package.nls.de.json');
    const missing = Object.keys(en).filter((k) => !Object.prototype.hasOwnProperty.call(de, k));
    assert.deepEqual(missing, [], `missing from package.nls.de.json:${show(missing.map(quote))}`);
    const empty = Object.keys(de).filter((k) => typeof de[k] !== 'string' || (de[k] as string).trim() === '');
    assert.deepEqual(empty, [], `empty in package.nls.de.json:${show(empty.map(quote))}`);
  });
});

describe('l10n: the extractor', () => {
  let lib: L10nLib;
  before(async () => {
    lib = await loadLib();
  });

  it('reads literal first arguments, escapes, multi-line calls and the object form; skips comments and strings', () => {
    const source = [
      "// vscode.l10n.t('commented out')",
      "const a = \"vscode.l10n.t('inside a string')\";",
      'const re = /[\'"`]/g; const half = 4 / 2;',
      "vscode.l10n.t('It\\'s {0}', name);",
      'vscode.l10n.t("Say \\"hi\\"");',
      'vscode.l10n.t(`plain template`);',
      "const t = `outer ${vscode.l10n.t('in a substitution')} end`;",
      "vscode.l10n.t({ message: 'Object {0}', args: [f({ a: 1 })], comment: ['a ', 'note'] });",
      'vscode.l10n.t(',
      "  'multi line',",
      '  x,',
      ');',
    ].join('\n');
    const { found, problems } = lib.extractFromSource(source, 'x.ts');
    assert.deepEqual(found.map((f) => f.message), ["It's {0}", 'Say "hi"', 'plain template', 'in a substitution', 'Object {0}', 'multi line']);
    assert.deepEqual(found[4]?.comment, ['a ', 'note']);
    assert.equal(found[5]?.location, 'x.ts:9');
    assert.deepEqual(problems, []);
  });

  it('reports calls whose text is built at run time', () => {
    const source = "vscode.l10n.t(`n = ${n}`); vscode.l10n.t('a' + b); vscode.l10n.t(message);";
    assert.equal(lib.extractFromSource(source).problems.length, 3);
  });

  it('reads the core\'s translator parameter (l10n.t), and reports one reached through an object, which it cannot follow', () => {
    const { found, problems } = lib.extractFromSource("function f(l10n: L10n) { return l10n.t('Orphaned'); }\nwords.l10n.t('Showing: {0}', x);", 'x.ts');
    assert.deepEqual(found.map((f) => f.message), ['Orphaned']);
    assert.deepEqual(problems.map((p) => p.location), ['x.ts:2']);
  });

  it('flags missing strings and placeholder mismatches', () => {
    const result = lib.checkBundle({ 'A {0}': 'A {0}', 'B {0} {1}': 'B {0} {1}', 'C': 'C' }, { 'A {0}': 'Ä {0}', 'B {0} {1}': 'B {0}', 'Old': 'Alt' });
    assert.equal(result.ok, false);
    assert.deepEqual(result.missing.map((s) => s.key), ['C']);
    assert.deepEqual(result.placeholderMismatches.map((m) => m.key), ['B {0} {1}']);
    assert.deepEqual(result.unused, ['Old']);
  });
});
