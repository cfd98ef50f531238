import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { archiveLocalFile, evidenceItem, fetchAndArchive, withEvidenceItem } from '../../../src/core/evidence';
import { makeQuote } from '../../../src/core/store/anchor';
import type { Annotation, AnnotationFile, Comment } from '../../../src/core/store/annotation';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import { parseAnnotationFile, serializeAnnotationFile } from '../../../src/core/store/file';
import { sampleAnnotation } from '../../support/annotations';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = process.env.AINEWS_CLI ?? join(ROOT, 'dist', 'cli.js');
const PRESS_RELEASE = '<p>53 Mrd. über drei Jahre</p>';
const ARTICLE = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o in 12 von 14 Benchmarks. Der Konzern investiert 53 Milliarden.\n';

function cli(args: string[], cwd: string, env?: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An annotation on words of ARTICLE. */
function on(words: string, overrides: Partial<Annotation>): Annotation {
  const start = ARTICLE.indexOf(words);
  return sampleAnnotation({ article: 'articles/qwen.md', quote: makeQuote(ARTICLE, start, start + words.length), position: { start, end: start + words.length }, ...overrides });
}

/** Saves a copy of evidence as the editor does: `.ainews/evidence/<sha256>.<ext>`. */
function archive(root: string, url: string, content: string, fetched: string) {
  const hash = sha256(content);
  const file = `.ainews/evidence/${hash}.html`;
  mkdirSync(join(root, '.ainews', 'evidence'), { recursive: true });
  writeFileSync(join(root, ...file.split('/')), content);
  return { url, archive: { file, sha256: hash, fetched, contentType: 'text/html' } };
}

describe('store/cli: check and report with version 2', function () {
  this.timeout(20_000);
  let dir: string;
  const write = (annotations: Annotation[]) => writeFileSync(join(dir, '.ainews', 'annotations.json'), serializeAnnotationFile({ version: 1, annotations }));
  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run 'node esbuild.mjs' first`));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-check2-'));
    mkdirSync(join(dir, 'articles'));
    mkdirSync(join(dir, '.ainews'));
    writeFileSync(join(dir, 'articles', 'qwen.md'), ARTICLE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('check --json adds the workflow state and assignee under the team file\'s rule', () => {
    writeFileSync(join(dir, '.ainews', 'team.json'), JSON.stringify({ secondReview: 'required', statuses: [{ id: 'misleading', label: { en: 'Misleading' }, verdict: true, rating: 2 }] }));
    write([
      on('Qwen 2.5', { id: 'a', status: 'in-progress', assignee: 'Ben' }),
      on('GPT-4o', { id: 'b', status: 'disputed' }),
      on('12 von 14', { id: 'c', status: 'misleading', review: { by: 'Ben', at: '2025-02-01T10:00:00.000Z', result: 'approved', status: 'misleading' } }),
      on('53 Milliarden', { id: 'd', status: 'verified', review: { by: 'Anna', at: '2025-02-01T10:00:00.000Z', result: 'approved', status: 'verified' } }),
    ]);
    const r = cli(['check', '--json', '--root', dir], ROOT);
    assert.equal(r.status, 0, r.stderr);
    const entries = (JSON.parse(r.stdout) as { annotations: { id: string; workflow: string; assignee?: string }[] }).annotations;
    assert.deepEqual(entries.map((e) => [e.id, e.workflow, e.assignee]), [
      ['a', 'in-progress', 'Ben'],
      ['b', 'awaiting-review', undefined],
      ['c', 'final', undefined],
      ['d', 'awaiting-review', undefined], // Anna approved her own verdict: does not count
    ]);
  });

  it('check verifies every archived evidence file against its hash: missing or changed exits 1; evidence without archive is reported', () => {
    const kept = archive(dir, 'https://example.org/kept', '<p>kept</p>', '2025-02-01T10:00:00.000Z');
    const changed = archive(dir, 'https://example.org/changed', '<p>original</p>', '2025-02-01T10:00:00.000Z');
    const missing = archive(dir, 'https://example.org/missing', '<p>gone</p>', '2025-02-01T10:00:00.000Z');
    write([on('Qwen 2.5', { id: 'a', evidence: ['https://example.org/plain', kept] })]);
    const ok = cli(['check', '--root', dir], ROOT);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /1 evidence item without an archived copy/);

    write([on('Qwen 2.5', { id: 'a', evidence: ['https://example.org/plain', kept, changed, missing] })]);
    writeFileSync(join(dir, ...changed.archive.file.split('/')), '<p>tampered</p>');
    rmSync(join(dir, ...missing.archive.file.split('/')));
    const json = cli(['check', '--json', '--root', dir], ROOT);
    assert.equal(json.status, 1);
    const entry = (JSON.parse(json.stdout) as { annotations: { evidence: { url: string; state: string }[] }[] }).annotations[0];
    assert.deepEqual(entry.evidence.map((e) => [e.url, e.state]), [
      ['https://example.org/plain', 'not-archived'],
      ['https://example.org/kept', 'archived'],
      ['https://example.org/changed', 'changed'],
      ['https://example.org/missing', 'missing'],
    ]);
    const human = cli(['check', '--root', dir], ROOT);
    assert.equal(human.status, 1);
    assert.match(human.stdout, /evidence changed since archived: \.ainews\/evidence\/[0-9a-f]{64}\.html \(https:\/\/example\.org\/changed\) of a/);
    assert.match(human.stdout, /evidence missing: .*\(https:\/\/example\.org\/missing\)/);

    // A copy swapped for a link out of the workspace is not read: missing, with the reason.
    const outside = mkdtempSync(join(tmpdir(), 'ainews-check2-outside-'));
    try {
      writeFileSync(join(outside, 'secret'), '<p>kept</p>');
      rmSync(join(dir, ...kept.archive.file.split('/')));
      symlinkSync(join(outside, 'secret'), join(dir, ...kept.archive.file.split('/')));
      write([on('Qwen 2.5', { id: 'a', evidence: [kept] })]);
      const linked = cli(['check', '--root', dir], ROOT);
      assert.equal(linked.status, 1);
      assert.match(linked.stdout, /evidence missing: \.ainews\/evidence\/[0-9a-f]{64}\.html resolves to .*, outside the workspace folder; it is not read or written \(https:\/\/example\.org\/kept\) of a/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('check names a broken team file with its line and column and exits 1; an undefined status is a warning', () => {
    write([on('Qwen 2.5', { id: 'a', status: 'satire' })]);
    writeFileSync(join(dir, '.ainews', 'team.json'), '{\n  "statuses": [\n    { "id": "verified", "label": { "en": "V" }, "verdict": true }\n  ]\n}\n');
    const r = cli(['check', '--root', dir], ROOT);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /team\.json:3:\d+: statuses\[0\]\.id "verified" is a built-in status/);
    assert.match(r.stderr, /status "satire" \(1 annotation\) is not defined in \.ainews\/team\.json; it is kept/);
    rmSync(join(dir, '.ainews', 'team.json'));
    assert.equal(cli(['check', '--root', dir], ROOT).status, 0);
  });

  it('report --agreement --json prints exactly claims, percentAgreement, kappa, alpha and confusion', () => {
    write([
      on('Qwen 2.5', { id: 'a1', author: 'Anna', status: 'verified' }),
      on('Qwen 2.5', { id: 'b1', author: 'Ben', status: 'verified' }),
      on('GPT-4o', { id: 'a2', author: 'Anna', status: 'disputed' }),
      on('GPT-4o', { id: 'b2', author: 'Ben', status: 'unverifiable' }),
      on('53 Milliarden', { id: 'a3', author: 'Anna', status: 'verified' }),
    ]);
    const r = cli(['report', '--agreement', '--json', '--root', dir], ROOT);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(report), ['claims', 'percentAgreement', 'kappa', 'alpha', 'confusion']);
    assert.equal(report.claims, 2);
    assert.equal(report.percentAgreement, 50);
    assert.deepEqual(Object.keys(report.kappa as object), ['Anna|Ben']);
    assert.deepEqual(report.confusion, { 'Anna|Ben': { disputed: { unverifiable: 1 }, verified: { verified: 1 } } });
    const human = cli(['report', '--agreement', '--root', dir], ROOT);
    assert.match(human.stdout, /2 claims checked by two or more people · percent agreement 50\.0 %/);
    assert.match(human.stdout, /### Anna and Ben: Cohen's kappa/);
    const full = cli(['report', '--root', dir], ROOT);
    assert.match(full.stdout, /## Agreement between checkers/);
    assert.equal(cli(['report', '--json', '--root', dir], ROOT).status, 2);
  });
});

describe('store/git: two clones discuss the same annotation and archive evidence', function () {
  this.timeout(30_000);
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PRESS_RELEASE));
  let pressUrl: string;
  before(async () => {
    assert.ok(existsSync(CLI), `${CLI} is missing: run 'node esbuild.mjs' first`);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    pressUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pressemitteilung`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-clones-'));
    env = { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('after git pull with the merge driver every reply, every archived file and the approval are there', async () => {
    // Ben fetches the press release from the server; Anna archives a saved mail and the same page.
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' });
    const origin = join(dir, 'origin.git');
    git(dir, '-c', 'init.defaultBranch=main', 'init', '-q', '--bare', origin);
    const anna = join(dir, 'anna');
    git(dir, 'clone', '-q', origin, anna);
    mkdirSync(join(anna, 'articles'));
    writeFileSync(join(anna, 'articles', 'qwen.md'), ARTICLE);
    const driver = `node '${CLI}' merge-driver %O %A %B`;
    assert.equal(cli(['setup-git', '--root', anna, '--driver', driver], anna, env).status, 0);
    let t = Date.parse('2025-03-01T10:00:00.000Z');
    const now = () => new Date((t += 60_000));
    const annaStore = await AnnotationStore.open(anna, undefined, { author: 'Anna', now });
    const start = ARTICLE.indexOf('53 Milliarden');
    const position = { start, end: start + '53 Milliarden'.length };
    const shared = annaStore.add({ article: 'articles/qwen.md', status: 'disputed', quote: makeQuote(ARTICLE, position.start, position.end), position });
    const first: Comment = { id: 'c-anna-1', author: 'Anna', at: now().toISOString(), body: 'Die Summe gilt für drei Jahre.' };
    annaStore.update(shared.id, { comments: [first] });
    await annaStore.save();
    git(anna, 'add', '-A');
    git(anna, 'commit', '-qm', 'verdict and first comment');
    git(anna, 'push', '-q', 'origin', 'HEAD:main');

    const ben = join(dir, 'ben');
    git(dir, 'clone', '-q', '-b', 'main', origin, ben);
    git(ben, 'config', 'merge.ainews.driver', driver);
    const benStore = await AnnotationStore.open(ben, undefined, { author: 'Ben', now });
    const benReply: Comment = { id: 'c-ben-1', author: 'Ben', at: now().toISOString(), body: 'Quelle? Die Pressemitteilung sagt 2025.' };
    const benFetch = await fetchAndArchive(ben, pressUrl, { now });
    const benEvidence = { url: pressUrl, archive: benFetch.archive };
    benStore.update(shared.id, { comments: [first, benReply], evidence: withEvidenceItem(undefined, evidenceItem(benEvidence)), review: { by: 'Ben', at: now().toISOString(), result: 'approved', status: 'disputed' } });
    await benStore.save();
    git(ben, 'add', '-A');
    git(ben, 'commit', '-qm', 'Ben replies, archives, approves');
    git(ben, 'push', '-q', 'origin', 'HEAD:main');

    const annaReply: Comment = { id: 'c-anna-2', author: 'Anna', at: now().toISOString(), body: 'Siehe Geschäftsbericht, S. 4.' };
    const mail = join(dir, 'Antwort der Pressestelle.eml');
    writeFileSync(mail, 'From: presse@example.org\n\nDie 53 Milliarden gelten für 2025 bis 2027.\n');
    const annaEvidence = { url: 'Antwort der Pressestelle.eml', archive: await archiveLocalFile(anna, mail, { fetched: now() }) };
    const annaPress = { url: pressUrl, title: 'Pressemitteilung', archive: (await fetchAndArchive(anna, pressUrl, { now })).archive };
    const reopened = await AnnotationStore.open(anna, undefined, { author: 'Anna', now });
    reopened.update(shared.id, { comments: [first, annaReply], evidence: withEvidenceItem([evidenceItem(annaEvidence)], evidenceItem(annaPress)), note: 'drei Jahre, nicht 2025' });
    await reopened.save();
    git(anna, 'add', '-A');
    git(anna, 'commit', '-qm', 'Anna replies and archives');
    git(anna, 'pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main');

    const text = readFileSync(join(anna, '.ainews', 'annotations.json'), 'utf8');
    assert.ok(!text.includes('<<<<<<<'), 'no conflict markers');
    const parsed = parseAnnotationFile(text);
    assert.equal(parsed.kind, 'ok');
    const merged = (parsed as { file: AnnotationFile }).file;
    assert.equal(merged.version, 2);
    const a = merged.annotations[0];
    assert.deepEqual(a.comments?.map((c) => c.id), ['c-anna-1', 'c-ben-1', 'c-anna-2']);
    assert.deepEqual(a.evidence?.map((e) => (typeof e === 'string' ? e : e.url)).sort(), ['Antwort der Pressestelle.eml', pressUrl]);
    assert.equal(annaPress.archive.file, benEvidence.archive.file, 'the same page is the same file on both sides');
    assert.deepEqual(readdirSync(join(anna, '.ainews', 'evidence')).sort(), [annaEvidence.archive.file, benEvidence.archive.file].map((f) => f.split('/').pop()).sort());
    assert.equal(a.review?.by, 'Ben');
    assert.equal(a.note, 'drei Jahre, nicht 2025');
    for (const e of [annaEvidence, benEvidence]) assert.equal(sha256(readFileSync(join(anna, ...e.archive.file.split('/')))), e.archive.sha256);
    const check = cli(['check', '--json', '--root', anna], anna, env);
    assert.equal(check.status, 0, check.stderr + check.stdout);
    assert.equal(git(anna, 'status', '--porcelain').trim(), '');
  });
});
