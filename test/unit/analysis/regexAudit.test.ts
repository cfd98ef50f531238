/**
 * The regular-expression audit: every regular expression literal (and every `new RegExp` of a
 * literal) in src/ runs against adversarial strings at two sizes; one whose time grows much faster
 * than the text (and is slow in absolute terms) is super-linear. Then analyze() itself runs on the
 * same strings. A failure names the file, the line and the pattern.
 *
 * Not a performance claim (those live in bench/adversarial.ts): quadratic backtracking is 100x or
 * more over the bound here, linear scanning 100x under it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type * as TypeScript from 'typescript';
import { analyze } from '../../../src/core/analysis';

const ROOT = join(__dirname, '..', '..', '..', '..');
// Loaded at run time from node_modules (typescript is a dev dependency), not bundled into the test.
const ts = createRequire(__filename)('typescript') as typeof TypeScript;

/** Repeated units that make naive patterns backtrack: runs of one character class, and mixtures. */
const UNITS = [
  '.', ' ', 'a', 'A', 'ä', '1', '-', '–', '_', '*', '`', '[', ']', '(', ')', '<', '>', '!', '#', '&', '\\', '/', ':', ',', '"', "'", '„', '\n', '\t', '|', '=', '~', '+', '@', '€', '%', '$',
  'a.', 'a ', 'A. ', '1.', '1,', '1 ', '1.000 ', 'a-', 'a_', '*a', '![', '- ', '> ', '[a]: b\n', 'Mrd. ', 'z. B. ', 'KI-', 'GPT-4', 'http://a', 'a@b.', '" ', '. \n', '\n\n',
];
const SMALL = 2_000;
const LARGE = 16_000;
/** Super-linear: at LARGE at least this slow, and this many times slower than at SMALL (linear: 8x). */
const SLOW_MS = 40;
const GROWTH = 20;

interface FoundRegExp {
  where: string;
  regexp: RegExp;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every regular expression literal, and `new RegExp('literal', 'flags')`, in a source file. */
function regExpsIn(file: string): FoundRegExp[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: FoundRegExp[] = [];
  const where = (node: TypeScript.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: TypeScript.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText();
      const slash = text.lastIndexOf('/');
      found.push({ where: where(node), regexp: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
    } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp' && node.arguments?.[0] && ts.isStringLiteralLike(node.arguments[0])) {
      const flags = node.arguments[1] && ts.isStringLiteralLike(node.arguments[1]) ? node.arguments[1].text : '';
      found.push({ where: where(node), regexp: new RegExp(node.arguments[0].text, flags) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function repeat(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Runs a pattern as the code does: every match of a global one, the first of any other. */
function run(regexp: RegExp, text: string): number {
  const start = performance.now();
  if (regexp.global || regexp.sticky) {
    regexp.lastIndex = 0;
    for (let m = regexp.exec(text); m; m = regexp.exec(text)) if (m[0] === '') regexp.lastIndex++;
  } else {
    regexp.exec(text);
  }
  return performance.now() - start;
}

describe('regular-expression audit: no super-linear pattern in src/', function () {
  this.timeout(120_000);
  const found = sourceFiles(join(ROOT, 'src')).flatMap(regExpsIn);

  it('finds the patterns (the audit is not empty)', () => {
    assert.ok(found.length > 150, `only ${found.length} regular expressions found`);
  });

  it('every pattern stays linear on runs of one character class and on mixtures, 2 KB and 16 KB', () => {
    const slow: string[] = [];
    for (const { where, regexp } of found) {
      for (const unit of UNITS) {
        for (const tail of ['', '\u0001']) {
          const large = repeat(unit, LARGE) + tail;
          const t16 = run(regexp, large);
          if (t16 < SLOW_MS) continue;
          const t2 = Math.max(run(regexp, repeat(unit, SMALL) + tail), 0.05);
          // Measured again (the fastest of four), so that pauses of the shared machine are not taken
          // for backtracking: a super-linear pattern is slow every time.
          const large16 = Math.min(t16, run(regexp, large), run(regexp, large), run(regexp, large));
          if (large16 >= SLOW_MS && large16 / t2 > GROWTH) slow.push(`${where} ${regexp} on ${JSON.stringify(unit)}x${LARGE}${tail ? '+\\u0001' : ''}: ${t2.toFixed(1)} ms at 2 KB, ${large16.toFixed(0)} ms at 16 KB`);
        }
      }
    }
    assert.deepEqual(slow, []);
  });

  it('analyze() finishes each adversarial input of 64 KB within 3 s (linear work: well under a second)', () => {
    const slow: string[] = [];
    for (const unit of [...UNITS, '- - - ', '>>>>', '![a', '*a_', 'a_b_c ', '`a']) {
      const text = repeat(unit, 64 * 1024);
      const start = performance.now();
      analyze(text);
      const ms = performance.now() - start;
      if (ms > 3000) slow.push(`${JSON.stringify(unit)} x 64 KB: ${ms.toFixed(0)} ms`);
    }
    assert.deepEqual(slow, []);
  });
});
