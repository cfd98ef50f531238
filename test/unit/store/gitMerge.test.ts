import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeQuote } from '../../../src/core/store/anchor';
import type { AnnotationFile } from '../../../src/core/store/annotation';
import { configureMergeDriverForFolder } from '../../../src/core/git/mergeDriver';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import { parseAnnotationFile, serializeAnnotationFile } from '../../../src/core/store/file';
import { resolveConflictMarkers } from '../../../src/core/store/merge';
import { addCorrections, readFeedback, type Correction } from '../../../src/core/feedback';

const ROOT = join(__dirname, '..', '..', '..', '..');
/** The built command line (`node esbuild.mjs` writes it); AINEWS_CLI points elsewhere if needed. */
const CLI = process.env.AINEWS_CLI ?? join(ROOT, 'dist', 'cli.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'store');
const ARTICLE = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o in 12 von 14 Benchmarks. Der Konzern investiert 53 Milliarden.\n';

function gitEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' };
}

function cli(args: string[], cwd: string, env?: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function claim(words: string) {
  const start = ARTICLE.indexOf(words);
  const position = { start, end: start + words.length };
  return { article: 'articles/qwen.md', status: 'verified' as const, quote: makeQuote(ARTICLE, start, position.end), position };
}

function fileAt(path: string): AnnotationFile {
  const parsed = parseAnnotationFile(readFileSync(path, 'utf8'));
  assert.equal(parsed.kind, 'ok', JSON.stringify(parsed));
  return (parsed as { file: AnnotationFile }).file;
}

function clock(start: string): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

/** A "Not an entity" correction of `words` in the article. */
function correction(words: string, id: string, author: string): Correction {
  const { quote, position } = claim(words);
  return { id, article: 'articles/qwen.md', kind: 'not-an-entity', quote, position, author, created: '2025-03-01T10:00:00Z' };
}

describe('store/git: the merge driver in a real repository', function () {
  this.timeout(20_000);
  let dir: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  const annotationsPath = () => join(repo, '.ainews', 'annotations.json');

  before(() => {
    assert.ok(existsSync(CLI), `${CLI} is missing: run 'node esbuild.mjs' first`);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-git-'));
    repo = join(dir, 'repo');
    mkdirSync(join(repo, 'articles'), { recursive: true });
    env = gitEnv(dir);
    git('-c', 'init.defaultBranch=main', 'init', '-q');
    writeFileSync(join(repo, 'articles', 'qwen.md'), ARTICLE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('setup-git writes .gitattributes and the driver config, and running it again changes nothing', () => {
    const driver = `node '${CLI}' merge-driver %O %A %B`;
    const first = cli(['setup-git', '--root', repo, '--driver', driver], repo, env);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /added to .*\.gitattributes: \.ainews\/annotations\.json merge=ainews/);
    const second = cli(['setup-git', '--root', repo, '--driver', driver], repo, env);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /already in/);
    assert.equal(readFileSync(join(repo, '.gitattributes'), 'utf8'), '.ainews/annotations.json merge=ainews\n.ainews/feedback.json merge=ainews\n.ainews/evidence/** binary\n');
    assert.match(first.stdout, /added to .*\.gitignore: \/\.ainews\/annotations\.json\.lock/);
    assert.equal(
      readFileSync(join(repo, '.gitignore'), 'utf8'),
      '/.ainews/annotations.json.lock\n/.ainews/annotations.json.lock.stale.*\n/.ainews/feedback.json.lock\n/.ainews/feedback.json.lock.stale.*\n',
    );
    // A lock left behind by a crash (and its stale copy) is ignored; the annotation file is not.
    mkdirSync(join(repo, '.ainews'), { recursive: true });
    for (const name of ['annotations.json', 'annotations.json.lock', 'annotations.json.lock.stale.0a1b2c', 'feedback.json.lock']) writeFileSync(join(repo, '.ainews', name), '{}');
    assert.equal(git('status', '--porcelain', '--untracked-files=all', '.ainews').trim(), '?? .ainews/annotations.json');
    assert.equal(git('config', 'merge.ainews.driver').trim(), driver);
    assert.match(git('config', 'merge.ainews.name'), /AI News Annotator/);
    assert.equal(git('check-attr', 'merge', '.ainews/annotations.json').trim(), '.ainews/annotations.json: merge: ainews');
    assert.equal(git('check-attr', 'merge', '.ainews/feedback.json').trim(), '.ainews/feedback.json: merge: ainews');
    assert.equal(git('check-attr', 'text', 'diff', '--', '.ainews/evidence/abc.html').trim(), '.ainews/evidence/abc.html: text: unset\n.ainews/evidence/abc.html: diff: unset');
  });

  /** The merge driver set up, one shared correction committed on main, then on branch "ben". */
  const startBensBranch = async (): Promise<void> => {
    assert.equal(cli(['setup-git', '--root', repo, '--driver', `node '${CLI}' merge-driver %O %A %B`], repo, env).status, 0);
    await addCorrections(repo, [correction('Alibaba', 'shared', 'Anna')]);
    git('add', '-A');
    git('commit', '-qm', 'first correction');
    git('checkout', '-qb', 'ben');
  };
  /** Back on main, Anna's own correction committed. */
  const annaCorrectsOnMain = async (): Promise<void> => {
    git('checkout', '-q', 'main');
    await addCorrections(repo, [correction('Qwen 2.5', 'annas', 'Anna')]);
    git('commit', '-qam', 'Anna');
  };

  it('merges the feedback file of two branches by correction id, without a conflict', async () => {
    await startBensBranch();
    await addCorrections(repo, [correction('GPT-4o', 'bens', 'Ben')]);
    git('commit', '-qam', 'Ben');
    await annaCorrectsOnMain();
    git('merge', '-q', '--no-edit', 'ben');
    const read = await readFeedback(repo);
    assert.equal(read.kind, 'ok', JSON.stringify(read));
    if (read.kind === 'ok') assert.deepEqual(read.file.corrections.map((c) => c.id).sort(), ['annas', 'bens', 'shared']);
    assert.equal(git('status', '--porcelain').trim(), '');
  });

  it('never merges away a feedback list written twice: git records a conflict naming the key, both lists stay', async () => {
    await startBensBranch();
    // A hand-resolved earlier conflict that kept both sides' lists: JSON.parse would keep only Ben's.
    const feedbackPath = join(repo, '.ainews', 'feedback.json');
    const [shared, kept, bens] = [correction('Alibaba', 'shared', 'Anna'), correction('Benchmarks', 'kept', 'Cy'), correction('GPT-4o', 'bens', 'Ben')];
    const twice = `{\n  "version": 1,\n  "corrections": ${JSON.stringify([shared, kept])},\n  "corrections": ${JSON.stringify([shared, bens])}\n}\n`;
    writeFileSync(feedbackPath, twice);
    git('commit', '-qam', 'Ben');
    await annaCorrectsOnMain();
    const merge = spawnSync('git', ['merge', '--no-edit', 'ben'], { cwd: repo, env, encoding: 'utf8' });
    assert.notEqual(merge.status, 0, merge.stdout);
    assert.match(merge.stderr + merge.stdout, /their version .*line 4, column 3: Duplicate key "corrections"/);
    const merged = readFileSync(feedbackPath, 'utf8');
    for (const id of ['shared', 'kept', 'bens', 'annas']) assert.ok(merged.includes(`"${id}"`), `${id} lost:\n${merged}`);
    assert.equal((await readFeedback(repo)).kind, 'unusable');
  });

  it('sets up a workspace folder below the repository root, with the path from the root', async () => {
    const folder = join(repo, 'Redaktion KI');
    mkdirSync(folder);
    const setup = await configureMergeDriverForFolder(folder, '.ainews/annotations.json', { driverCommand: `node '${CLI}' merge-driver %O %A %B` });
    assert.equal(setup.attributesLine, '"Redaktion KI/.ainews/annotations.json" merge=ainews');
    assert.equal(setup.feedbackAttributesLine, '"Redaktion KI/.ainews/feedback.json" merge=ainews');
    assert.equal(setup.evidenceAttributesLine, '"Redaktion KI/.ainews/evidence/**" binary');
    assert.equal(git('check-attr', 'text', 'Redaktion KI/.ainews/evidence/abc.txt').trim(), 'Redaktion KI/.ainews/evidence/abc.txt: text: unset');
    assert.match(setup.summary, /added to \.gitattributes/);
    assert.deepEqual(setup.ignoreLines.slice(0, 2), ['/Redaktion KI/.ainews/annotations.json.lock', '/Redaktion KI/.ainews/annotations.json.lock.stale.*']);
    writeFileSync(join(folder, 'stray.lock'), '');
    mkdirSync(join(folder, '.ainews'));
    writeFileSync(join(folder, '.ainews', 'annotations.json.lock'), '{}');
    assert.equal(git('status', '--porcelain', '--untracked-files=all').trim().split('\n').filter((l) => l.includes('.lock')).join(), '?? "Redaktion KI/stray.lock"');
    assert.equal(git('check-attr', 'merge', 'Redaktion KI/.ainews/annotations.json').trim(), 'Redaktion KI/.ainews/annotations.json: merge: ainews');
    assert.equal((await configureMergeDriverForFolder(folder, '.ainews/annotations.json')).attributesAdded, false);
  });

  it('setup-git names the problem outside a repository and rejects bad options', () => {
    const outside = mkdtempSync(join(dir, 'plain-'));
    const r = cli(['setup-git', '--root', outside], outside, { ...env, GIT_CEILING_DIRECTORIES: dir });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /rev-parse --show-toplevel failed/);
    assert.equal(cli(['setup-git', '--frobnicate'], repo, env).status, 2);
    assert.equal(cli(['setup-git', '--driver', 'echo no placeholders'], repo, env).status, 2);
  });

  it('merges two branches that both added and changed annotations, without a conflict, keeping both sides', async () => {
    assert.equal(cli(['setup-git', '--root', repo, '--driver', `node '${CLI}' merge-driver %O %A %B`], repo, env).status, 0);
    const anna = await AnnotationStore.open(repo, undefined, { author: 'Anna', now: clock('2025-03-01T10:00:00.000Z') });
    const shared = anna.add(claim('Qwen 2.5'));
    const doomed = anna.add(claim('53 Milliarden'));
    await anna.save();
    git('add', '-A');
    git('commit', '-qm', 'first verdicts');

    git('checkout', '-qb', 'ben');
    const ben = await AnnotationStore.open(repo, undefined, { author: 'Ben', now: clock('2025-03-02T10:00:00.000Z') });
    ben.update(shared.id, { note: 'laut Blogpost vom 28.01.' });
    const bens = ben.add(claim('GPT-4o'));
    await ben.save();
    git('commit', '-qam', 'Ben');

    git('checkout', '-q', 'main');
    const anna2 = await AnnotationStore.open(repo, undefined, { author: 'Anna', now: clock('2025-03-03T10:00:00.000Z') });
    anna2.update(shared.id, { status: 'disputed' });
    anna2.remove(doomed.id);
    const annas = anna2.add(claim('in 12 von 14 Benchmarks'));
    await anna2.save();
    git('commit', '-qam', 'Anna');

    git('merge', '-q', '--no-edit', 'ben');
    const text = readFileSync(annotationsPath(), 'utf8');
    assert.ok(!text.includes('<<<<<<<'));
    const merged = fileAt(annotationsPath());
    assert.equal(serializeAnnotationFile(merged), text, 'the merge is written canonically');
    const byId = new Map(merged.annotations.map((a) => [a.id, a]));
    assert.deepEqual([...byId.keys()].sort(), [shared.id, bens.id, annas.id].sort());
    assert.equal(byId.get(shared.id)?.status, 'disputed');
    assert.equal(byId.get(shared.id)?.note, 'laut Blogpost vom 28.01.');
    assert.equal(git('status', '--porcelain').trim(), '');
  });

  it('gives the same result whichever branch is merged into which', async () => {
    assert.equal(cli(['setup-git', '--root', repo, '--driver', `node '${CLI}' merge-driver %O %A %B`], repo, env).status, 0);
    const s = await AnnotationStore.open(repo, undefined, { author: 'A', now: clock('2025-03-01T10:00:00.000Z') });
    const a = s.add(claim('Qwen 2.5'));
    await s.save();
    git('add', '-A');
    git('commit', '-qm', 'base');
    for (const [branch, note, time] of [['x', 'von x', '2025-03-02T10:00:00.000Z'], ['y', 'von y', '2025-03-02T10:00:00.000Z']]) {
      git('checkout', '-q', '-b', branch, 'main');
      const store = await AnnotationStore.open(repo, undefined, { author: branch, now: () => new Date(time), newId: () => `id-${branch}` });
      store.update(a.id, { note });
      store.add(claim('GPT-4o'));
      await store.save();
      git('commit', '-qam', branch);
    }
    git('checkout', '-q', '-b', 'xy', 'x');
    git('merge', '-q', '--no-edit', 'y');
    const xy = readFileSync(annotationsPath(), 'utf8');
    git('checkout', '-q', '-b', 'yx', 'y');
    git('merge', '-q', '--no-edit', 'x');
    assert.equal(readFileSync(annotationsPath(), 'utf8'), xy);
  });

  it('the driver writes to %A and exits 0; with an unreadable side it leaves git\'s conflict markers and exits 1', () => {
    const f = (name: string, file: AnnotationFile | string) => {
      const path = join(dir, name);
      writeFileSync(path, typeof file === 'string' ? file : serializeAnnotationFile(file));
      return path;
    };
    const one = fileAt(join(FIXTURES, 'valid.json'));
    const base = f('base', { version: 1, annotations: [] });
    const ours = f('ours', { version: 1, annotations: [one.annotations[0]] });
    const theirs = f('theirs', { version: 1, annotations: [one.annotations[1]] });
    const ok = cli(['merge-driver', base, ours, theirs], dir, env);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(readFileSync(ours, 'utf8'), readFileSync(join(FIXTURES, 'valid.json'), 'utf8'));

    const broken = f('broken', '{"version": 1, "annotations": [\n  {"id": "x"}\n]}\n');
    const other = f('other', serializeAnnotationFile({ version: 1, annotations: [one.annotations[1]] }));
    const failed = cli(['merge-driver', base, broken, other], dir, env);
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /our version \(.*broken\) line 2/);
    assert.match(readFileSync(broken, 'utf8'), /^<<<<<<< ours/m);

    assert.equal(cli(['merge-driver', base, ours], dir, env).status, 2);
  });

  it('without the driver, git\'s conflict markers are resolved by merging both sides by id', async () => {
    for (const style of ['merge', 'diff3']) {
      rmSync(join(repo, '.git'), { recursive: true, force: true });
      rmSync(join(repo, '.ainews'), { recursive: true, force: true });
      git('-c', 'init.defaultBranch=main', 'init', '-q');
      git('config', 'merge.conflictStyle', style);
      const s = await AnnotationStore.open(repo, undefined, { author: 'A', now: clock('2025-03-01T10:00:00.000Z') });
      const keep = s.add(claim('Qwen 2.5'));
      const gone = s.add(claim('53 Milliarden'));
      await s.save();
      git('add', '-A');
      git('commit', '-qm', 'base');
      git('checkout', '-qb', 'other');
      const o = await AnnotationStore.open(repo, undefined, { author: 'B', now: clock('2025-03-02T10:00:00.000Z'), newId: () => 'from-other' });
      o.add(claim('GPT-4o'));
      o.remove(gone.id);
      await o.save();
      git('commit', '-qam', 'other');
      git('checkout', '-q', 'main');
      const m = await AnnotationStore.open(repo, undefined, { author: 'A', now: clock('2025-03-03T10:00:00.000Z'), newId: () => 'from-main' });
      m.add(claim('12 von 14'));
      await m.save();
      git('commit', '-qam', 'main');
      const merge = spawnSync('git', ['merge', '--no-edit', 'other'], { cwd: repo, env, encoding: 'utf8' });
      assert.notEqual(merge.status, 0, 'git reports a conflict');
      const text = readFileSync(annotationsPath(), 'utf8');
      assert.equal(parseAnnotationFile(text).kind, 'conflicted');
      const resolved = resolveConflictMarkers(text);
      assert.ok('merged' in resolved, JSON.stringify(resolved));
      if (!('merged' in resolved)) continue;
      const ids = resolved.merged.annotations.map((a) => a.id).sort();
      // Both additions survive; the deletion is only known with the diff3 base.
      const expected = style === 'diff3' ? [keep.id, 'from-main', 'from-other'] : [keep.id, gone.id, 'from-main', 'from-other'];
      assert.deepEqual(ids, expected.sort(), style);
      git('merge', '--abort');
    }
  });
});

describe('store/cli: check', function () {
  this.timeout(20_000);
  let dir: string;
  before(() => {
    assert.ok(existsSync(CLI), `${CLI} is missing: run 'node esbuild.mjs' first`);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-check-'));
    cpSync(join(FIXTURES, 'workspace'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every annotation\'s state in the file\'s order, and exits 1 when one is orphaned', () => {
    const r = cli(['check', '--json', '--root', dir], ROOT);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { annotations: { id: string; article: string; state: string; start?: number; end?: number; text?: string; review?: string[]; workflow?: string }[] };
    const article = readFileSync(join(dir, 'articles', 'qwen.md'), 'utf8');
    const at = (w: string) => ({ start: article.indexOf(w), end: article.indexOf(w) + w.length, text: w });
    for (const a of report.annotations) assert.ok(Array.isArray(a.review), 'every entry lists its review flags');
    assert.deepEqual(report.annotations.map(({ review: _review, workflow: _workflow, ...contract }) => contract), [
      { id: 'missing00000000000001', article: 'articles/missing.md', state: 'orphaned' },
      { id: 'fuzzy0000000000000001', article: 'articles/qwen.md', state: 'fuzzy', ...at('Qwen 2.5 vorgestellt') },
      { id: 'exact0000000000000001', article: 'articles/qwen.md', state: 'exact', ...at('in 12 von 14 Benchmarks') },
      { id: 'orphan000000000000001', article: 'articles/qwen.md', state: 'orphaned' },
      { id: 'moved0000000000000001', article: 'articles/qwen.md', state: 'moved', ...at('rund 53 Milliarden US-Dollar') },
    ]);
    // Version 2 appends "workflow" (and "assignee" and "evidence" where set); nothing is renamed.
    assert.deepEqual(Object.keys(report.annotations[2]), ['id', 'article', 'state', 'start', 'end', 'text', 'review', 'workflow']);
  });

  it('reports "needs re-check" for a verdict whose review date has passed, without changing the exit status', () => {
    const path = join(dir, '.ainews', 'annotations.json');
    const file = fileAt(path);
    file.annotations = file.annotations.filter((a) => a.id === 'exact0000000000000001');
    file.annotations[0].status = 'verified';
    file.annotations[0].reviewBy = '2020-01-01';
    writeFileSync(path, serializeAnnotationFile(file));
    const r = cli(['check', '--json', '--root', dir], ROOT);
    assert.equal(r.status, 0, r.stderr);
    const [entry] = (JSON.parse(r.stdout) as { annotations: { review: string[] }[] }).annotations;
    assert.ok(entry.review.includes('needs re-check'), JSON.stringify(entry));
    const human = cli(['check', '--root', dir], ROOT);
    assert.match(human.stdout, /1 needs re-check/);
    assert.match(human.stdout, /\[needs re-check/);
  });

  it('writes nothing, prints a readable summary, and exits 0 once no annotation is orphaned', () => {
    const path = join(dir, '.ainews', 'annotations.json');
    const before = readFileSync(path, 'utf8');
    const human = cli(['check', '--root', dir], ROOT);
    assert.match(human.stdout, /5 annotations: 1 exact, 1 moved, 1 fuzzy, 2 orphaned/);
    assert.match(human.stdout, /orphaned\s+missing00000000000001\s+articles\/missing\.md\s+\(article not found\)/);
    assert.equal(readFileSync(path, 'utf8'), before);
    const file = fileAt(path);
    file.annotations = file.annotations.filter((a) => !['orphan000000000000001', 'missing00000000000001'].includes(a.id));
    writeFileSync(path, serializeAnnotationFile(file));
    const r = cli(['check', '--json'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { annotations: unknown[] }).annotations.length, 3);
  });

  it('exits 1 naming the file, line and problem for an invalid file; 2 on usage errors', () => {
    const path = join(dir, '.ainews', 'annotations.json');
    writeFileSync(path, readFileSync(join(FIXTURES, 'invalid-syntax.json')));
    const r = cli(['check', '--json', '--root', dir], ROOT);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /annotations\.json:7:5: JSON syntax error: Trailing comma/);
    assert.deepEqual(JSON.parse(r.stdout).annotations, []);
    assert.equal(cli(['check', '--bogus'], dir).status, 2);
    assert.equal(cli(['check', '--root'], dir).status, 2);
    assert.equal(cli(['check', '--root', join(dir, 'nope')], dir).status, 2);
    assert.equal(cli(['check', '--file', '/etc/passwd'], dir).status, 2);
    const help = cli(['check', '--help'], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: ai-news-annotator check/);
  });

  it('reports a file written by a newer version or with conflict markers, and exits 1', () => {
    const path = join(dir, '.ainews', 'annotations.json');
    writeFileSync(path, readFileSync(join(FIXTURES, 'newer.json')));
    const newer = cli(['check', '--root', dir], ROOT);
    assert.equal(newer.status, 1);
    assert.match(newer.stderr, /newer version/);
    writeFileSync(path, readFileSync(join(FIXTURES, 'conflicted.json')));
    const conflicted = cli(['check', '--root', dir], ROOT);
    assert.equal(conflicted.status, 1);
    assert.match(conflicted.stderr, /conflict markers/);
  });
});
