// Extraction and checking of the runtime strings passed to `vscode.l10n.t(...)`. No dependencies:
// a small JavaScript/TypeScript tokenizer (comments, strings, templates, regular expressions) is
// enough to find the calls and read their literal first argument reliably.
// Used by scripts/l10n-extract.mjs and by test/unit/l10n/l10n.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * @typedef {{ key: string, message: string, comment?: string[], locations: string[] }} L10nString
 *   `key` is what VS Code looks up in bundle.l10n.<lang>.json: the message, or for the object form
 *   with a comment `message + '/' + comment.join('')` (as the extension host does).
 * @typedef {{ location: string, reason: string }} L10nProblem a call whose text cannot be extracted
 */

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else',
  'yield', 'await', 'extends',
]);

/** The cooked value of the escape sequence at `text[i] === '\\'`; returns [value, next index]. */
function readEscape(text, i) {
  const c = text[i + 1];
  switch (c) {
    case 'n': return ['\n', i + 2];
    case 'r': return ['\r', i + 2];
    case 't': return ['\t', i + 2];
    case 'b': return ['\b', i + 2];
    case 'f': return ['\f', i + 2];
    case 'v': return ['\v', i + 2];
    case '0': return ['\0', i + 2];
    case 'x': return [String.fromCharCode(parseInt(text.slice(i + 2, i + 4), 16)), i + 4];
    case 'u': {
      if (text[i + 2] === '{') {
        const end = text.indexOf('}', i + 3);
        return [String.fromCodePoint(parseInt(text.slice(i + 3, end), 16)), end + 1];
      }
      return [String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), i + 6];
    }
    case '\r': return ['', text[i + 2] === '\n' ? i + 3 : i + 2]; // line continuation
    case '\n': case '\u2028': case '\u2029': return ['', i + 2];
    case undefined: return ['', i + 1];
    default: return [c, i + 2];
  }
}

/**
 * Splits TypeScript source into tokens: `string` (quoted or substitution-free template, with its
 * cooked `value`), `template` (a template literal with `${}`: `dynamic`), `ident`, `number`,
 * `regex` and single-character `punct`. Comments and whitespace are dropped.
 */
export function tokenize(text) {
  const tokens = [];
  /** One entry per open `{`: true when it is a template substitution `${`. */
  const braces = [];
  let i = 0;
  let line = 1;
  const countLines = (from, to) => {
    for (let k = from; k < to; k++) if (text[k] === '\n') line++;
  };
  const push = (token, start, end) => {
    token.line = line;
    tokens.push(token);
    countLines(start, end);
    i = end;
  };
  /** Reads template characters from `i` (just after ` or a substitution's `}`). */
  const readTemplate = (start, head) => {
    let value = '';
    let j = start;
    for (;;) {
      const c = text[j];
      if (c === undefined) return push({ type: 'template', dynamic: !head, value }, start, j);
      if (c === '\\') {
        const [v, next] = readEscape(text, j);
        value += v;
        j = next;
      } else if (c === '`') {
        return push(head ? { type: 'string', value } : { type: 'template', dynamic: true, value }, start, j + 1);
      } else if (c === '$' && text[j + 1] === '{') {
        braces.push(true);
        return push({ type: 'template', dynamic: true, opensSubstitution: true, value }, start, j + 2);
      } else {
        if (c === '\r') {
          value += '\n';
          if (text[j + 1] === '\n') j++;
        } else value += c;
        j++;
      }
    }
  };
  const regexAllowed = () => {
    const prev = tokens[tokens.length - 1];
    if (!prev) return true;
    if (prev.type === 'ident') return KEYWORDS_BEFORE_EXPRESSION.has(prev.value);
    if (prev.type === 'punct') return !')]}'.includes(prev.value);
    return prev.type === 'template' && prev.opensSubstitution === true;
  };

  while (i < text.length) {
    const c = text[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      countLines(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') {
        if (text[j] === '\\') {
          const [v, next] = readEscape(text, j);
          value += v;
          j = next;
        } else value += text[j++];
      }
      push({ type: 'string', value }, i, Math.min(j + 1, text.length));
      continue;
    }
    if (c === '`') { readTemplate(i + 1, true); continue; }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n') {
        const d = text[j];
        if (d === '\\') { j += 2; continue; }
        if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        j++;
      }
      j++;
      while (j < text.length && /[a-z]/i.test(text[j])) j++;
      push({ type: 'regex', value: text.slice(i, j) }, i, j);
      continue;
    }
    const ident = /^[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*/.exec(text.slice(i, i + 200));
    if (ident) { push({ type: 'ident', value: ident[0] }, i, i + ident[0].length); continue; }
    const number = /^(?:\d|\.\d)[\w.]*/.exec(text.slice(i, i + 100));
    if (number) { push({ type: 'number', value: number[0] }, i, i + number[0].length); continue; }
    if (c === '{') braces.push(false);
    if (c === '}' && braces.length > 0 && braces.pop()) {
      // End of a `${...}` substitution: the template continues.
      readTemplate(i + 1, false);
      continue;
    }
    push({ type: 'punct', value: c }, i, i + 1);
  }
  return tokens;
}

const isPunct = (token, value) => token?.type === 'punct' && token.value === value;

/** Skips one value expression from `k` to the `,` or closing bracket that ends it at depth 0. */
function skipValue(tokens, k) {
  let depth = 0;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type !== 'punct') continue;
    if ('([{'.includes(t.value)) depth++;
    else if (')]}'.includes(t.value)) {
      if (depth === 0) return k;
      depth--;
    } else if (t.value === ',' && depth === 0) return k;
  }
  return k;
}

/** Reads the object form `{ message: '...', args: [...], comment: '...' | ['...'] }` at `tokens[k]` (the `{`). */
function readObjectForm(tokens, k) {
  let message;
  let comment;
  k++;
  while (k < tokens.length && !isPunct(tokens[k], '}')) {
    const keyToken = tokens[k];
    if (keyToken.type !== 'ident' && keyToken.type !== 'string') return { reason: 'the object argument is not a plain object literal' };
    const name = keyToken.value;
    if (!isPunct(tokens[k + 1], ':')) {
      if (name === 'message') return { reason: 'the message is not a string literal (shorthand property)' };
      k = skipValue(tokens, k + 1);
    } else if (name === 'message') {
      const v = tokens[k + 2];
      if (v?.type !== 'string' || !(isPunct(tokens[k + 3], ',') || isPunct(tokens[k + 3], '}'))) {
        return { reason: 'the message is not a string literal' };
      }
      message = v.value;
      k += 3;
    } else if (name === 'comment') {
      const v = tokens[k + 2];
      if (v?.type === 'string') {
        comment = [v.value];
        k += 3;
      } else if (isPunct(v, '[')) {
        comment = [];
        let j = k + 3;
        while (tokens[j]?.type === 'string') {
          comment.push(tokens[j].value);
          j += isPunct(tokens[j + 1], ',') ? 2 : 1;
        }
        if (!isPunct(tokens[j], ']')) return { reason: 'the comment is not a literal string or array of strings' };
        k = j + 1;
      } else return { reason: 'the comment is not a literal string or array of strings' };
    } else {
      k = skipValue(tokens, k + 2);
    }
    if (isPunct(tokens[k], ',')) k++;
  }
  if (message === undefined) return { reason: 'the object argument has no literal message' };
  return { message, comment };
}

/** The `l10n.t(...)` calls in one source text. */
export function extractFromSource(text, file = '<source>') {
  const tokens = tokenize(text);
  /** @type {{ message: string, comment?: string[], location: string }[]} */
  const found = [];
  /** @type {L10nProblem[]} */
  const problems = [];
  for (let k = 0; k + 3 < tokens.length; k++) {
    const t = tokens[k];
    if (t.type !== 'ident' || t.value !== 'l10n' || !isPunct(tokens[k + 1], '.')) continue;
    if (tokens[k + 2].type !== 'ident' || tokens[k + 2].value !== 't' || !isPunct(tokens[k + 3], '(')) continue;
    // `foo.l10n.t(` where foo is not vscode is someone else's API.
    if (isPunct(tokens[k - 1], '.') && tokens[k - 2]?.value !== 'vscode') continue;
    const arg = tokens[k + 4];
    const location = `${file}:${t.line}`;
    if (arg?.type === 'string') {
      const after = tokens[k + 5];
      if (isPunct(after, ',') || isPunct(after, ')')) found.push({ message: arg.value, location });
      else problems.push({ location, reason: 'the first argument is built from more than one string literal' });
    } else if (arg?.type === 'template') {
      problems.push({ location, reason: 'the first argument is a template literal with ${...} substitutions' });
    } else if (isPunct(arg, '{')) {
      const r = readObjectForm(tokens, k + 4);
      if ('reason' in r) problems.push({ location, reason: r.reason });
      else found.push({ message: r.message, comment: r.comment, location });
    } else {
      problems.push({ location, reason: `the first argument is not a string literal (${arg?.value ?? 'nothing'})` });
    }
  }
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
