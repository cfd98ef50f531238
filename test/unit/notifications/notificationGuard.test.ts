/**
 * Guards the rule "text from other people is never trusted as markup or commands" where VS Code turns
 * text into links: notifications (`show{Information,Warning,Error}Message`, our `explain`), progress
 * notification titles, and an input box's prompt and validation message. It reads the syntax trees of
 * src/editor and src/extension.ts and fails for every part of such a message that is not our own
 * text: a string literal, `vscode.l10n.t('…', …)` whose arguments pass the same check, a value
 * passed through `inertNotificationText`, a local constant or local function whose value passes, or
 * one of the few expressions vetted below.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type * as TS from 'typescript';

function findRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'editor'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${__dirname}`);
  }
}

const ROOT = findRoot();
// Loaded at run time from node_modules, not bundled into the test.
const ts = createRequire(join(ROOT, 'package.json'))('typescript') as typeof TS;

/** The helpers that make a value inert (src/core/notificationText.ts). */
const HELPERS = new Set(['inertNotificationText', 'inertProblems']);
/** VS Code's calls whose first argument becomes a notification. */
const NOTIFICATIONS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);
/** Our own functions that show their first argument as a notification: their callers are checked. */
const WRAPPERS = new Set(['explain']);
/** Properties that VS Code parses for links: [call or object, property]. */
const LINKED_PROPERTIES: Record<string, string[]> = { withProgress: ['title'], showInputBox: ['prompt'] };
const LINKED_ASSIGNMENTS = new Set(['prompt', 'validationMessage']);

/** Expressions that are our own text or a number, by their source text, each vetted once. */
const VETTED: Record<string, string> = {
  DEFAULT_FEEDBACK_FILE: 'a constant path',
  'this.relativePath': 'the constant path of a watched file (.ainews/team.json, .ainews/entities.json)',
  MAX_TAG_LENGTH: 'a number',
  'String(proposal.oursCount)': 'a number',
  'String(proposal.theirsCount)': 'a number',
  'String(proposal.merged.annotations.length)': 'a number',
};

interface Problem {
  where: string;
  expression: string;
}

function skipOuter(node: TS.Expression): TS.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}

function calleeName(call: TS.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function isL10nT(call: TS.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(^|\.)l10n$/.test(callee.expression.getText());
}

type FunctionNode = TS.FunctionDeclaration | TS.ArrowFunction | TS.FunctionExpression | TS.MethodDeclaration;

function isFunctionNode(node: TS.Node): node is FunctionNode {
  return ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node);
}

function functionName(fn: FunctionNode): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  return ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
}

type Declaration = { kind: 'parameter'; fn: FunctionNode } | { kind: 'const'; value: TS.Expression | undefined } | { kind: 'function'; fn: FunctionNode } | { kind: 'other' };

/** Where a name used at `node` is declared: the nearest enclosing scope's parameter, constant or function. */
function declarationOf(node: TS.Node, name: string): Declaration | undefined {
  for (let scope: TS.Node | undefined = node.parent; scope; scope = scope.parent) {
    if (isFunctionNode(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return { kind: 'parameter', fn: scope };
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) ? scope.statements : ts.isCaseClause(scope) || ts.isDefaultClause(scope) ? scope.statements : undefined;
    for (const statement of statements ?? []) {
      if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return { kind: 'function', fn: statement };
      if (!ts.isVariableStatement(statement)) continue;
      const constant = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
        const value = declaration.initializer && skipOuter(declaration.initializer);
        if (constant && value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) return { kind: 'function', fn: value };
        return constant ? { kind: 'const', value } : { kind: 'other' };
      }
    }
  }
  return undefined;
}

const coreSources = new Map<string, TS.SourceFile>();

/**
 * A function that the file of `node` imports by `name` from src/core (the core words messages too):
 * its returns are checked like a local function's. Undefined for anything else.
 */
function importedCoreFunction(node: TS.Node, name: string): FunctionNode | undefined {
  const importer = node.getSourceFile();
  for (const statement of importer.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || !bindings.elements.some((e) => e.name.text === name && !e.propertyName)) continue;
    const base = join(dirname(importer.fileName), statement.moduleSpecifier.text);
    const file = [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(join(ROOT, f)));
    if (!file || !relative(join('src', 'core'), file).match(/^[^.]/)) return undefined;
    if (!coreSources.has(file)) coreSources.set(file, ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
    // Declared in that file (a re-export through an index is not followed: import from the module itself).
    return coreSources.get(file)?.statements.find((s): s is TS.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name);
  }
  return undefined;
}

/** The expressions a function returns (not those of functions nested in it). */
function returnedExpressions(fn: FunctionNode): TS.Expression[] {
  if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return [fn.body];
  const found: TS.Expression[] = [];
  const visit = (node: TS.Node): void => {
    if (isFunctionNode(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return found;
}

/** Checks the sources given; `vettedUsed` collects the vetted expressions met. */
class GuardRun {
  readonly problems: Problem[] = [];
  readonly vettedUsed = new Set<string>();
  private readonly checkedFunctions = new Map<FunctionNode, TS.Node[]>();

  checkSource(file: string, text: string): void {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: TS.Node): void => {
      for (const message of linkedTextsOf(node)) {
        for (const part of this.unsafeParts(message)) {
          // A part may lie in a core file whose function the message calls: named where it is.
          const at = part.getSourceFile();
          const { line } = at.getLineAndCharacterOfPosition(part.getStart(at));
          this.problems.push({ where: `${at.fileName}:${line + 1}`, expression: part.getText(at).replace(/\s+/g, ' ').slice(0, 120) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  /** The parts of a message that are not shown to be our own text. */
  private unsafeParts(node: TS.Expression): TS.Node[] {
    const expr = skipOuter(node);
    const text = expr.getText();
    if (VETTED[text] !== undefined) {
      this.vettedUsed.add(text);
      return [];
    }
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) || ts.isNumericLiteral(expr)) return [];
    if (expr.kind === ts.SyntaxKind.TrueKeyword || expr.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(expr) && expr.text === 'undefined')) return [];
    if (ts.isTemplateExpression(expr)) return expr.templateSpans.flatMap((span) => this.unsafeParts(span.expression));
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...this.unsafeParts(expr.left), ...this.unsafeParts(expr.right)];
    if (ts.isBinaryExpression(expr) && (expr.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || expr.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      return [...this.unsafeParts(expr.left), ...this.unsafeParts(expr.right)];
    }
    if (ts.isConditionalExpression(expr)) return [...this.unsafeParts(expr.whenTrue), ...this.unsafeParts(expr.whenFalse)];
    if (ts.isCallExpression(expr)) {
      if (HELPERS.has(calleeName(expr) ?? '')) return [];
      if (isL10nT(expr)) {
        const [template, ...args] = expr.arguments;
        return template && (ts.isStringLiteral(template) || ts.isNoSubstitutionTemplateLiteral(template)) ? args.flatMap((a) => this.unsafeParts(a)) : [expr];
      }
      const declared = ts.isIdentifier(expr.expression) ? declarationOf(expr, expr.expression.text) : undefined;
      if (declared?.kind === 'function') return this.unsafeReturns(declared.fn);
      const imported = ts.isIdentifier(expr.expression) && declared === undefined ? importedCoreFunction(expr, expr.expression.text) : undefined;
      return imported ? this.unsafeReturns(imported) : [expr];
    }
    if (ts.isIdentifier(expr)) {
      const declared = declarationOf(expr, expr.text);
      if (declared?.kind === 'const' && declared.value) return this.unsafeParts(declared.value);
      // A wrapper passes its parameter on: its callers are checked.
      if (declared?.kind === 'parameter' && WRAPPERS.has(functionName(declared.fn) ?? '')) return [];
    }
    return [expr];
  }

  /** What a local function returns, checked once per function (a recursive one counts as checked). */
  private unsafeReturns(fn: FunctionNode): TS.Node[] {
    const known = this.checkedFunctions.get(fn);
    if (known) return known;
    this.checkedFunctions.set(fn, []);
    const parts = returnedExpressions(fn).flatMap((e) => this.unsafeParts(e));
    this.checkedFunctions.set(fn, parts);
    return parts;
  }
}

/** The expressions at a node that VS Code shows with links: a notification's message, a progress title, a prompt. */
function linkedTextsOf(node: TS.Node): TS.Expression[] {
  if (ts.isCallExpression(node)) {
    const name = calleeName(node);
    const [first] = node.arguments;
    if (!name || !first) return [];
    const isOwnWrapper = ts.isIdentifier(node.expression) && WRAPPERS.has(name);
    if (NOTIFICATIONS.has(name) || isOwnWrapper) return [first];
    const properties = LINKED_PROPERTIES[name];
    if (properties && ts.isObjectLiteralExpression(first)) {
      return first.properties.filter((p): p is TS.PropertyAssignment => ts.isPropertyAssignment(p) && properties.includes(p.name.getText())).map((p) => p.initializer);
    }
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && LINKED_ASSIGNMENTS.has(node.left.name.text)) return [node.right];
  return [];
}

function editorSources(): string[] {
  const editor = readdirSync(join(ROOT, 'src', 'editor'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
  return [...editor, join('src', 'extension.ts')].sort();
}

function guard(sources: Record<string, string>): GuardRun {
  const run = new GuardRun();
  for (const [file, text] of Object.entries(sources)) run.checkSource(file, text);
  return run;
}

describe('notifications: every value from outside goes through inertNotificationText', () => {
  it('src/editor and src/extension.ts pass no raw value into a notification, a progress title or a prompt', () => {
    const files = editorSources();
    assert.ok(files.length > 30 && files.includes(join('src', 'editor', 'commands', 'evidenceCommands.ts')), files.join(', '));
    const run = guard(Object.fromEntries(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')])));
    assert.deepEqual(run.problems.map((p) => `${p.where}: ${p.expression}`), [], 'pass these through inertNotificationText (src/core/notificationText.ts)');
    assert.deepEqual(Object.keys(VETTED).filter((v) => !run.vettedUsed.has(v)), [], 'vetted expressions no longer used: remove them');
  });

  it('fails for a raw value: interpolated, forwarded through a constant, a local function or a template', () => {
    const source = `
      import * as vscode from 'vscode';
      function say(name: string): string { return vscode.l10n.t('Hello {0}', name); }
      export function f(folder: vscode.WorkspaceFolder, note: string, error: Error) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} in {1}', note, folder.name));
        const message = vscode.l10n.t('Note: {0}', note);
        explain(message);
        void vscode.window.showErrorMessage(say(note));
        void vscode.window.showInformationMessage(\`\${folder.name}: \${error.message}\`);
        void vscode.window.withProgress({ location: 15, title: vscode.l10n.t('Archiving {0}', note) }, async () => undefined);
        input.prompt = note;
      }`;
    const run = guard({ 'bad.ts': source });
    assert.deepEqual(run.problems.map((p) => p.expression), ['note', 'folder.name', 'note', 'name', 'folder.name', 'error.message', 'note', 'note']);
  });

  it('follows a function imported from src/core: its returns are checked like a local function\'s', () => {
    const source = `
      import * as vscode from 'vscode';
      import { messageOf } from '../core/commands/commandArgs';
      import { tagProblemMessage } from '../core/tags/tagChoices';
      export function f(error: unknown) {
        void vscode.window.showErrorMessage(messageOf(error));
        void vscode.window.showErrorMessage(tagProblemMessage(vscode.l10n, 'too-long'));
      }`;
    const run = guard({ [join('src', 'editor', 'imports.ts')]: source });
    assert.deepEqual(run.problems.map((p) => p.expression), ['error.message', 'String(error)'], 'messageOf passes the raw message on; the tag rule is our own words');
  });

  it('accepts our own words and values made inert', () => {
    const source = `
      import * as vscode from 'vscode';
      function explain(message: string): void { void vscode.window.showInformationMessage(message); }
      function say(name: string): string { return vscode.l10n.t('Hello {0}', inertNotificationText(name)); }
      export function f(folder: vscode.WorkspaceFolder, note: string, count: number) {
        const message = vscode.l10n.t('{0} in {1}', inertNotificationText(note), inertNotificationText(folder.name));
        explain(message);
        void vscode.window.showErrorMessage(count > 1 ? say(note) : 'One');
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} of {1}', 2, MAX_TAG_LENGTH));
      }`;
    assert.deepEqual(guard({ 'good.ts': source }).problems, []);
  });
});
