// Extraction and checking of the runtime strings passed to `vscode.l10n.t(...)`: the calls are found
// by walking the TypeScript compiler's syntax tree of each source file (comments, strings, templates
// and regular expressions are the parser's business, not ours).
// Used by scripts/l10n-extract.mjs and by test/unit/l10n/l10n.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * @typedef {{ key: string, message: string, comment?: string[], locations: string[] }} L10nString
 *   `key` is what VS Code looks up in bundle.l10n.<lang>.json: the message, or for the object form
 *   with a comment `message + '/' + comment.join('')` (as the extension host does).
 * @typedef {{ location: string, reason: string }} L10nProblem a call whose text cannot be extracted
 */

/** True for `l10n.t` (the core's translator parameter, see src/core/labels/l10n.ts) and `vscode.l10n.t`. */
function isL10nT(callee) {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const owner = callee.expression;
  if (ts.isIdentifier(owner)) return owner.text === 'l10n';
  return ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n' && ts.isIdentifier(owner.expression) && owner.expression.text === 'vscode';
}

/** True for `words.l10n.t` and the like: a translator reached through an object, which the extractor cannot follow. */
function isIndirectL10nT(callee) {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const owner = callee.expression;
  return ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n' && !isL10nT(callee);
}

/** A string literal or a template without substitutions: its cooked text; otherwise undefined. */
function literalText(node) {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** The name of an object literal's property (`message`, `'message'`), if it is a plain one. */
function propertyName(property) {
  const name = property.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** Reads the object form `{ message: '...', args: [...], comment: '...' | ['...'] }`. */
function readObjectForm(object) {
  let message;
  let comment;
  for (const property of object.properties) {
    const name = propertyName(property);
    if (name === undefined) return { reason: 'the object argument is not a plain object literal' };
    if (name === 'message') {
      if (!ts.isPropertyAssignment(property)) return { reason: 'the message is not a string literal (shorthand property)' };
      message = literalText(property.initializer);
      if (message === undefined) return { reason: 'the message is not a string literal' };
    } else if (name === 'comment' && ts.isPropertyAssignment(property)) {
      const value = property.initializer;
      const single = literalText(value);
      if (single !== undefined) comment = [single];
      else if (ts.isArrayLiteralExpression(value) && value.elements.every((e) => literalText(e) !== undefined)) comment = value.elements.map(literalText);
      else return { reason: 'the comment is not a literal string or array of strings' };
    }
  }
  if (message === undefined) return { reason: 'the object argument has no literal message' };
  return { message, comment };
}

/** Why the first argument of a call cannot be extracted. */
function problemWith(arg) {
  if (ts.isTemplateExpression(arg)) return 'the first argument is a template literal with ${...} substitutions';
  if (ts.isBinaryExpression(arg) && arg.operatorToken.kind === ts.SyntaxKind.PlusToken) return 'the first argument is built from more than one string literal';
  return `the first argument is not a string literal (${arg ? arg.getText() : 'nothing'})`;
}

/** The `l10n.t(...)` calls in one source text. */
export function extractFromSource(text, file = '<source>') {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {{ message: string, comment?: string[], location: string }[]} */
  const found = [];
  /** @type {L10nProblem[]} */
  const problems = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && isL10nT(node.expression)) {
      const location = `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
      const arg = node.arguments[0];
      const message = literalText(arg);
      if (message !== undefined) found.push({ message, location });
      else if (arg && ts.isObjectLiteralExpression(arg)) {
        const r = readObjectForm(arg);
        if ('reason' in r) problems.push({ location, reason: r.reason });
        else found.push({ message: r.message, ...(r.comment ? { comment: r.comment } : {}), location });
      } else problems.push({ location, reason: problemWith(arg) });
    } else if (ts.isCallExpression(node) && isIndirectL10nT(node.expression)) {
      const location = `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
      problems.push({ location, reason: `${node.expression.getText(source)} is not extracted: take the translator out first (const { l10n } = ...) and call l10n.t` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { found, problems };
}

/** The lookup key VS Code uses for a message (and optional translator comment). */
export function keyOf(message, comment) {
  return comment && comment.length > 0 ? `${message}/${comment.join('')}` : message;
}

/** All .ts files under `dir`, sorted. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((f) => !f.split(sep).includes('node_modules'))
    .sort();
}

/**
 * Scans `rootDir/src/**\/*.ts` for `vscode.l10n.t(...)` calls.
 * @returns {{ strings: L10nString[], problems: L10nProblem[] }} strings sorted by key; problems are
 *   calls whose text is built at run time and so cannot be extracted (they are never translated).
 */
export function extractStrings(rootDir) {
  /** @type {Map<string, L10nString>} */
  const byKey = new Map();
  const problems = [];
  for (const file of sourceFiles(join(rootDir, 'src'))) {
    const rel = relative(rootDir, file).split(sep).join('/');
    const result = extractFromSource(readFileSync(file, 'utf8'), rel);
    problems.push(...result.problems);
    for (const { message, comment, location } of result.found) {
      const key = keyOf(message, comment);
      const entry = byKey.get(key);
      if (entry) entry.locations.push(location);
      else byKey.set(key, { key, message, ...(comment ? { comment } : {}), locations: [location] });
    }
  }
  const strings = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { strings, problems };
}

/** The default (English) bundle: key → message, or `{ message, comment }` when there is a comment (as @vscode/l10n-dev writes it). */
export function defaultBundle(strings) {
  const bundle = {};
  for (const s of strings) bundle[s.key] = s.comment ? { message: s.message, comment: s.comment } : s.message;
  return bundle;
}

/** Serialises a bundle the way it is stored: 2-space JSON and a final newline. */
export function formatBundle(bundle) {
  return JSON.stringify(bundle, null, 2) + '\n';
}

/** The distinct `{0}`/`{name}` placeholders of a message, sorted. */
export function placeholders(message) {
  return [...new Set(message.match(/\{[A-Za-z0-9_]+\}/g) ?? [])].sort();
}

/**
 * Compares a translated bundle (key → string, or `{ message }`) with the extracted strings.
 * @param {L10nString[] | Record<string, string>} strings extracted strings, or a key → English object
 * @param {Record<string, unknown>} bundle e.g. the parsed bundle.l10n.de.json
 * @returns {{ ok: boolean, missing: L10nString[], placeholderMismatches: { key: string, translation: string, expected: string[], actual: string[], locations: string[] }[], invalid: string[], unused: string[] }}
 *   `ok` is false when a string is missing or empty, or its placeholders differ; `unused` (keys no
 *   longer in the source) is informational.
 */
export function checkBundle(strings, bundle) {
  const list = Array.isArray(strings)
    ? strings
    : Object.entries(strings).map(([key, message]) => ({ key, message: typeof message === 'string' ? message : message.message, locations: [] }));
  const missing = [];
  const placeholderMismatches = [];
  const invalid = [];
  for (const s of list) {
    if (!Object.prototype.hasOwnProperty.call(bundle, s.key)) {
      missing.push(s);
      continue;
    }
    const raw = bundle[s.key];
    const translation = typeof raw === 'string' ? raw : raw && typeof raw === 'object' && typeof raw.message === 'string' ? raw.message : undefined;
    if (translation === undefined || translation.trim() === '') {
      invalid.push(s.key);
      continue;
    }
    const expected = placeholders(s.message);
    const actual = placeholders(translation);
    if (expected.join() !== actual.join()) placeholderMismatches.push({ key: s.key, translation, expected, actual, locations: s.locations });
  }
  const known = new Set(list.map((s) => s.key));
  const unused = Object.keys(bundle).filter((k) => !known.has(k)).sort();
  return { ok: missing.length === 0 && placeholderMismatches.length === 0 && invalid.length === 0, missing, placeholderMismatches, invalid, unused };
}

/** Keys of package.nls.json that package.nls.<lang>.json lacks, and keys it has that no longer exist. */
export function checkNls(rootDir, lang = 'de') {
  const en = JSON.parse(readFileSync(join(rootDir, 'package.nls.json'), 'utf8'));
  const tr = JSON.parse(readFileSync(join(rootDir, `package.nls.${lang}.json`), 'utf8'));
  return {
    missing: Object.keys(en).filter((k) => !Object.prototype.hasOwnProperty.call(tr, k)),
    unused: Object.keys(tr).filter((k) => !Object.prototype.hasOwnProperty.call(en, k)),
  };
}
