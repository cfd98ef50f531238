import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleSession, exceedsUtf8, insertedSpansAfter, isDocumentText, sessionOptionsFor, type ArticleSnapshot, type DocumentLines, type SessionOptions } from '../../../src/core/session/articleSession';
import { analyze } from '../../../src/core/analysis/analyzer';
import { PieceText } from '../../../src/core/pieceText';
import { placeClosedArticle } from '../../../src/core/session/closedArticle';
import { contentHash, contentHashInSlices } from '../../../src/core/review/contentHash';
import { makeQuote, type TextEdit } from '../../../src/core/store/anchor';
import type { TextPosition } from '../../../src/core/store/annotation';
import { AnnotationStore, type NewAnnotation } from '../../../src/core/store/annotationStore';

const ARTICLE = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o in 12 von 14 Benchmarks. Der Konzern investiert 53 Milliarden.';
const PATH = 'articles/qwen.md';
const OPTIONS: SessionOptions = { analysis: {}, maxVerifiedAgeDays: 180, maxArticleAgeDays: 365 };

function rangeOf(text: string, needle: string): TextPosition {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `"${needle}" is in the text`);
  return { start, end: start + needle.length };
}

function claim(words: string, text = ARTICLE, article = PATH): NewAnnotation {
  const position = rangeOf(text, words);
  return { article, status: 'verified', quote: makeQuote(text, position.start, position.end), position, articleHash: contentHash(text) };
}

/** Applies one edit to a text, as VS Code's content change does. */
function applied(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.insertedText + text.slice(edit.offset + edit.deletedLength);
}

/**
 * The edit VS Code makes when it reloads a file changed on disk: the lines between the common
 * leading and trailing lines are replaced in one edit (ModelService's minimal line diff).
 */
function reloadEdit(oldText: string, newText: string): TextEdit {
  const oldLines = oldText.split('\n');
  const newLines = newText.split('\n');
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  let tail = 0;
  while (tail < oldLines.length - head && tail < newLines.length - head && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) tail++;
  const offset = oldLines.slice(0, head).reduce((sum, line) => sum + line.length + 1, 0);
  const tailLength = tail === 0 ? 0 : oldLines.slice(oldLines.length - tail).join('\n').length + 1;
  const suffix = Math.min(tailLength, oldText.length - offset, newText.length - offset);
  const edit = { offset, deletedLength: oldText.length - suffix - offset, insertedText: newText.slice(offset, newText.length - suffix) };
  assert.equal(applied(oldText, edit), newText, 'the reload edit turns the old text into the new one');
  return edit;
}

function stateOf(session: ArticleSession, id: string): { state: string; span?: TextPosition } {
  const p = session.placements.find((x) => x.annotation.id === id);
  assert.ok(p, `placement of ${id}`);
  return p.span ? { state: p.state, span: { ...p.span } } : { state: p.state };
}

describe('ArticleSession: placements follow edits and the annotation file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-session-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('moves annotations with edits, orphans a deleted one without dropping it, and finds it again on undo', async () => {
    const store = await AnnotationStore.open(dir);
    const qwen = store.add(claim('Qwen 2.5'));
    const bench = store.add(claim('in 12 von 14 Benchmarks'));
    let text = ARTICLE;
    const session = new ArticleSession(text, 1, OPTIONS);
    session.setAnnotations(store.annotationsOf(PATH));
    const edit = (version: number, e: TextEdit): void => {
      text = applied(text, e);
      session.edit(version, [e], text);
    };
    edit(2, { offset: 0, deletedLength: 0, insertedText: 'Eilmeldung: ' });
    assert.deepEqual(stateOf(session, qwen.id), { state: 'exact', span: rangeOf(text, 'Qwen 2.5') });
    assert.deepEqual(store.get(qwen.id)?.position, qwen.position, 'typing does not touch the store');
    const inside = rangeOf(text, '12 von');
    edit(3, { offset: inside.start, deletedLength: 6, insertedText: '11 von' });
    assert.equal(stateOf(session, bench.id).state, 'fuzzy');
    const sentence = rangeOf(text, 'Alibaba hat Qwen 2.5 vorgestellt. ');
    const beforeDelete = text;
    edit(4, { offset: sentence.start, deletedLength: sentence.end - sentence.start, insertedText: '' });
    assert.deepEqual(stateOf(session, qwen.id), { state: 'orphaned' });
    assert.equal(session.placements.length, 2, 'the orphan is kept');
    edit(5, { offset: sentence.start, deletedLength: 0, insertedText: beforeDelete.slice(sentence.start, sentence.end) });
    // Found by its quote a few words after where it was lost.
    assert.deepEqual(stateOf(session, qwen.id), { state: 'moved', span: rangeOf(text, 'Qwen 2.5') });
  });

  it('re-anchors an article changed outside the editor (exact, moved, fuzzy, orphaned)', async () => {
    const store = await AnnotationStore.open(dir);
    const qwen = store.add(claim('Qwen 2.5'));
    const bench = store.add(claim('in 12 von 14 Benchmarks'));
    const money = store.add(claim('53 Milliarden'));
    const session = new ArticleSession(ARTICLE, 1, OPTIONS);
    session.setAnnotations(store.annotationsOf(PATH));
    const pulled = `Vorab: ${ARTICLE.replace('Alibaba hat Qwen 2.5 vorgestellt. ', '').replace('12 von 14', '13 von 14')}`;
    session.edit(2, [{ offset: 0, deletedLength: ARTICLE.length, insertedText: pulled }], pulled);
    assert.deepEqual(stateOf(session, qwen.id), { state: 'orphaned' });
    assert.deepEqual(stateOf(session, bench.id), { state: 'fuzzy', span: rangeOf(pulled, 'in 13 von 14 Benchmarks') });
    assert.deepEqual(stateOf(session, money.id).span, rangeOf(pulled, '53 Milliarden'));
    // A person puts the orphan on new words: the store's change places it there.
    const fixed = rangeOf(pulled, 'Das Modell');
    store.reanchor(qwen.id, makeQuote(pulled, fixed.start, fixed.end), fixed);
    session.setAnnotations(store.annotationsOf(PATH));
    assert.deepEqual(stateOf(session, qwen.id), { state: 'exact', span: fixed });
  });

  describe('a git pull that changes the article and the annotation file', function () {
    this.timeout(20_000);
    const before = `${ARTICLE}\n\nZweiter Absatz ohne Zahlen.\n\nDritter Absatz.\n`;
    const teammateClaim = 'Der Umsatz stieg 2024 um 40 Prozent.';
    const after = before.replace('Zweiter Absatz ohne Zahlen.', `Zweiter Absatz ohne Zahlen. ${teammateClaim}`);

    /** Our clone with the article and an annotation file, and a teammate's commit on top of it in the origin. */
    function cloneWithTeammatePush(): { ours: string; pull: () => void } {
      const env = { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
      const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const origin = join(dir, 'origin.git');
      git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
      const ours = join(dir, 'ours');
      const theirs = join(dir, 'theirs');
      git(dir, 'clone', '-q', origin, ours);
      mkdirSync(join(ours, 'articles'), { recursive: true });
      mkdirSync(join(ours, '.ainews'), { recursive: true });
      writeFileSync(join(ours, PATH), before);
      writeFileSync(join(ours, '.ainews', 'annotations.json'), '{\n  "version": 1,\n  "annotations": []\n}\n');
      git(ours, 'add', '-A');
      git(ours, 'commit', '-q', '-m', 'article');
      git(ours, 'push', '-q', 'origin', 'HEAD:main');
      git(dir, 'clone', '-q', origin, theirs);
      return {
        ours,
        pull: () => {
          git(ours, 'pull', '-q', 'origin', 'main');
        },
      };
    }

    async function teammateAnnotates(theirsDir: string): Promise<string> {
      writeFileSync(join(theirsDir, PATH), after);
      const theirStore = await AnnotationStore.open(theirsDir, undefined, { author: 'Teammate' });
      const added = theirStore.add(claim(teammateClaim, after));
      assert.equal((await theirStore.save()).saved, true);
      return added.id;
    }

    for (const order of ['annotation file first', 'article first'] as const) {
      for (const reload of ['minimal line diff', 'whole text'] as const) {
        it(`anchors the teammate's annotation (${order}, ${reload} reload)`, async () => {
          const { ours, pull } = cloneWithTeammatePush();
          const theirsDir = join(dir, 'theirs');
          const id = await teammateAnnotates(theirsDir);
          const git = (...args: string[]): void => void execFileSync('git', args, { cwd: theirsDir, env: { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' }, stdio: 'ignore' });
          git('add', '-A');
          git('commit', '-q', '-m', 'teammate annotates');
          git('push', '-q', 'origin', 'HEAD:main');

          // Our editor: the store of our clone, and the open article's session.
          const store = await AnnotationStore.open(ours);
          const session = new ArticleSession(readFileSync(join(ours, PATH), 'utf8'), 1, OPTIONS);
          session.setAnnotations(store.annotationsOf(PATH));
          store.onDidChange(() => session.setAnnotations(store.annotationsOf(PATH)));
          pull();
          const pulledText = readFileSync(join(ours, PATH), 'utf8');
          assert.equal(pulledText, after);
          const vsCodeReloads = (): void => {
            const edit = reload === 'whole text' ? { offset: 0, deletedLength: session.text.length, insertedText: pulledText } : reloadEdit(session.text, pulledText);
            session.edit(2, [edit], pulledText);
          };
          if (order === 'annotation file first') {
            await store.reloadFromDisk();
            assert.deepEqual(stateOf(session, id), { state: 'orphaned' }, 'not in the old text yet');
            vsCodeReloads();
          } else {
            vsCodeReloads();
            await store.reloadFromDisk();
          }
          assert.deepEqual(stateOf(session, id), { state: 'exact', span: rangeOf(after, teammateClaim) });
          const snapshot = session.snapshot(new Date('2025-03-01'), await session.contentHash());
          assert.deepEqual(snapshot.placements.map((p) => [p.annotation.id, p.state, p.flags]), [[id, 'exact', []]], 'placed, and the article is the one the teammate reviewed');
        });
      }
    }
  });

  it('fires one store change per verdict and re-anchors once, only the new or changed annotation', async () => {
    const store = await AnnotationStore.open(dir);
    const text = Array.from({ length: 200 }, (_, i) => `Satz ${i}: Der Umsatz stieg um ${i + 1} Prozent.`).join(' ');
    for (let i = 0; i < 200; i++) store.add(claim(`Satz ${i}: Der Umsatz`, text));
    await store.save();
    const session = new ArticleSession(text, 1, OPTIONS);
    session.setAnnotations(store.annotationsOf(PATH));
    const changes: string[] = [];
    store.onDidChange((change) => {
      changes.push(change.reason);
      session.setAnnotations(store.annotationsOf(PATH));
    });
    const before = session.reanchorings;

    // A new verdict, saved.
    store.add(claim('Satz 7: Der Umsatz stieg um 8 Prozent', text));
    await store.save();
    assert.deepEqual(changes, ['local'], 'one change: the save wrote what memory held');
    assert.equal(session.reanchorings - before, 1, 'one re-anchoring');

    // A changed verdict, saved.
    const first = store.annotationsOf(PATH)[0];
    store.update(first.id, { status: 'disputed', note: 'zu hoch' });
    await store.save();
    assert.deepEqual(changes, ['local', 'local']);
    assert.equal(session.reanchorings - before, 1, 'a status change is not re-anchored at all');

    // Typing in front of everything, then saving the article: one batch of positions, no re-anchoring.
    const typed = `Neu: ${text}`;
    session.edit(2, [{ offset: 0, deletedLength: 0, insertedText: 'Neu: ' }], typed);
    const moved = store.movePositions(new Map(session.placements.flatMap((p) => (p.span ? [[p.annotation.id, p.span] as const] : []))));
    assert.equal(moved, 201);
    await store.save();
    assert.deepEqual(changes, ['local', 'local', 'positions']);
    assert.equal(session.reanchorings - before, 1, 'positions written back are where the annotations already are');
  });

  it('hands out a frozen snapshot per version, with findings, review flags and possibly outdated claims', async () => {
    const store = await AnnotationStore.open(dir);
    const text = ' date 2023-01 KI-Nachrichten\n\nDerzeit ist GPT-4 das stärkste Modell von OpenAI. Alibaba hat Qwen 2.5 vorgestellt.\n';
    const annotated = store.add({ ...claim('Alibaba hat Qwen 2.5 vorgestellt.', text), articleHash: contentHash('an older text') });
    const session = new ArticleSession(text, 7, OPTIONS);
    session.setAnnotations(store.annotationsOf(PATH));
    assert.equal(session.analysisIsCurrent, false);
    assert.equal(session.analyze(), true);
    const hash = await session.contentHash();
    assert.equal(hash, contentHash(text), 'the hash off the main thread is the stored hash');
    const snapshot = session.snapshot(new Date('2025-03-01'), hash);
    assert.equal(snapshot.version, 7);
    assert.equal(snapshot.complete, true);
    assert.equal(snapshot.language, 'de');
    assert.ok(Object.isFrozen(snapshot) && Object.isFrozen(snapshot.placements) && Object.isFrozen(snapshot.placements[0]));
    assert.deepEqual(snapshot.placements.map((p) => [p.annotation.id, p.state, p.flags]), [[annotated.id, 'exact', ['article changed since review']]]);
    const derzeit = rangeOf(text, 'Derzeit');
    assert.ok(snapshot.possiblyOutdated.some((s) => s.start <= derzeit.start && derzeit.start < s.end), JSON.stringify(snapshot.possiblyOutdated));
    assert.ok(snapshot.analysis?.findings.some((f) => f.kind === 'entity' && f.text === 'Alibaba'));
    // What lies under one offset.
    const point = session.at(rangeOf(text, 'Qwen').start);
    assert.deepEqual(point.placements.map((p) => p.annotation.id), [annotated.id]);
    assert.ok(point.findings.length > 0 && point.findings.every((f) => f.start <= rangeOf(text, 'Qwen').start));
    // The light bulb's question agrees with the snapshot, for the claim under the cursor.
    const derzeitClaim = session.at(derzeit.start).findings.find((f) => f.kind === 'claim');
    assert.ok(derzeitClaim?.kind === 'claim');
    assert.equal(session.suggestsOutdated(derzeitClaim, new Date('2025-03-01')), true);
    assert.equal(session.suggestsOutdated(derzeitClaim, new Date('2023-01-15')), false, 'not old yet');
    // A verdict on the time-sensitive claim: no longer suggested.
    store.add(claim('Derzeit ist GPT-4 das stärkste Modell von OpenAI.', text));
    session.setAnnotations(store.annotationsOf(PATH));
    assert.deepEqual(session.snapshot(new Date('2025-03-01'), hash).possiblyOutdated, []);
    assert.equal(session.suggestsOutdated(derzeitClaim, new Date('2025-03-01')), false);
  });

  it('builds the text after an edit from its pieces, when the editor accepts it at once; asks for it otherwise', () => {
    const options = { analysis: 'not an article', maxVerifiedAgeDays: 180, maxArticleAgeDays: 365 } as const;
    const text = 'Erste Zeile.\nZweite Zeile mit 42 Prozent.\n';
    const edits: TextEdit[] = [{ offset: 30, deletedLength: 2, insertedText: '43' }, { offset: 0, deletedLength: 0, insertedText: 'Neu: ' }];
    const expected = 'Neu: Erste Zeile.\nZweite Zeile mit 43 Prozent.\n';
    const asked: string[] = [];
    const ask = (answer: string) => () => {
      asked.push(answer);
      return answer;
    };
    const session = new ArticleSession(text, 1, options);
    assert.equal(session.text, text);
    const seen: string[] = [];
    session.edit(2, edits, ask('getText'), (followed) => seen.push(followed.toString()) > 0);
    assert.deepEqual([asked, seen], [[], [expected]], 'the editor checked it at once; its text was not asked for');
    assert.equal(session.text, expected, 'built through the edits');
    session.edit(3, [{ offset: 0, deletedLength: 5, insertedText: '' }], ask('refused'), () => false);
    assert.deepEqual(asked, [], 'refused: the editor\'s text, asked for when first needed');
    session.edit(4, [{ offset: 0, deletedLength: 1, insertedText: '' }], ask('not read'), () => true);
    assert.equal(session.text, 'not read', 'after a refused edit the text is the editor\'s until it is read');
    session.edit(5, [{ offset: 0, deletedLength: 1, insertedText: '' }], ask('never asked'), () => true);
    assert.equal(session.text, 'ot read', 'the text read, then followed through the next edit');
    assert.deepEqual(asked, ['not read']);
  });

  it('hashes the text only while an annotation records a hash of a text not seen yet; an edit is compared with the texts seen', async () => {
    const store = await AnnotationStore.open(dir);
    const text = 'Alibaba hat Qwen 2.5 vorgestellt.\n\nOpenAI antwortete.\n';
    store.add(claim('Alibaba hat Qwen 2.5 vorgestellt.', text));
    const session = new ArticleSession(text, 1, OPTIONS);
    session.setAnnotations(store.annotationsOf(PATH));
    const flagsOf = (snapshot: ArticleSnapshot) => snapshot.placements.map((p) => p.flags);
    assert.equal(session.needsContentHash, true, 'a hash of a text not seen yet');
    const first = session.snapshot(new Date('2025-03-01'), await session.contentHash());
    assert.deepEqual([first.contentHash, flagsOf(first)], [contentHash(text), [[]]]);
    assert.equal(session.needsContentHash, false, 'this text had it');
    const typed = 'x' + text;
    session.edit(2, [{ offset: 0, deletedLength: 0, insertedText: 'x' }], typed);
    const changed = session.snapshot(new Date('2025-03-01'));
    assert.deepEqual([changed.contentHash, flagsOf(changed)], [undefined, [['article changed since review']]], 'another text: not the reviewed one, without hashing it');
    session.edit(3, [{ offset: 0, deletedLength: 1, insertedText: '' }], typed.slice(1));
    const undone = session.snapshot(new Date('2025-03-01'));
    assert.deepEqual([undone.contentHash, flagsOf(undone)], [contentHash(text), [[]]], 'undone: the reviewed text again');
    store.add({ ...claim('OpenAI antwortete.', text), articleHash: contentHash('a teammate\'s version') });
    session.setAnnotations(store.annotationsOf(PATH));
    assert.equal(session.needsContentHash, true, 'a hash of a text not seen: hashed again');
    assert.deepEqual(flagsOf(session.snapshot(new Date('2025-03-01'))), [[], ['article changed since review']], 'the text is one seen: its hash is known');
    session.edit(4, [{ offset: 0, deletedLength: 0, insertedText: 'y' }], 'y' + text);
    assert.deepEqual(flagsOf(session.snapshot(new Date('2025-03-01'))), [[], []], 'a text not seen, and a hash of a text not seen: cannot tell without hashing');
    const hashed = session.snapshot(new Date('2025-03-01'), await session.contentHash());
    assert.deepEqual([hashed.contentHash, flagsOf(hashed)], [contentHash('y' + text), [['article changed since review'], ['article changed since review']]]);
  });

  it('hashes a text whose line endings or byte-order mark the hash normalises: a CRLF copy of the reviewed text is not "changed"', async () => {
    const store = await AnnotationStore.open(dir);
    const lf = 'Alibaba hat Qwen 2.5 vorgestellt.\n\nOpenAI antwortete.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    store.add(claim('Alibaba hat Qwen 2.5 vorgestellt.', lf));
    const flagsOf = (snapshot: ArticleSnapshot) => snapshot.placements.map((p) => p.flags);
    const now = new Date('2025-03-01');
    const session = new ArticleSession(lf, 1, OPTIONS);
    session.setAnnotations(store.annotationsOf(PATH));
    session.snapshot(now, await session.contentHash());
    assert.equal(session.needsContentHash, false, 'the reviewed text, seen');
    session.edit(2, [{ offset: 0, deletedLength: lf.length, insertedText: crlf }], crlf);
    assert.equal(session.needsContentHash, true, 'CRLF: only the hash can tell');
    assert.deepEqual(flagsOf(session.snapshot(now, await session.contentHash())), [[]], 'the same article with other line endings');
    session.edit(3, [{ offset: 0, deletedLength: crlf.length, insertedText: '\uFEFF' + lf }], '\uFEFF' + lf);
    assert.equal(session.needsContentHash, true, 'a byte-order mark: only the hash can tell');
    assert.deepEqual(flagsOf(session.snapshot(now, await session.contentHash())), [[]]);
    // Started on the CRLF text: it is not remembered as the reviewed one, so an LF text is hashed too.
    const fromCrlf = new ArticleSession(crlf, 1, OPTIONS);
    fromCrlf.setAnnotations(store.annotationsOf(PATH));
    fromCrlf.snapshot(now, await fromCrlf.contentHash());
    fromCrlf.edit(2, [{ offset: 0, deletedLength: crlf.length, insertedText: lf }], lf);
    assert.equal(fromCrlf.needsContentHash, true);
    assert.deepEqual(flagsOf(fromCrlf.snapshot(now, await fromCrlf.contentHash())), [[]]);
  });

  it('hands each snapshot the edits since the one before, so that views can follow them', () => {
    const text = 'Alibaba hat Qwen 2.5 vorgestellt.\n\nOpenAI antwortete.\n';
    const session = new ArticleSession(text, 1, OPTIONS);
    assert.deepEqual(session.snapshot(new Date('2025-03-01')).edits, { from: 1, edits: [] });
    const first = { offset: 0, deletedLength: 0, insertedText: 'x' };
    const second = { offset: 5, deletedLength: 2, insertedText: '' };
    session.edit(2, [first], 'x' + text);
    session.edit(3, [second], ('x' + text).slice(0, 5) + ('x' + text).slice(7));
    assert.deepEqual(session.snapshot(new Date('2025-03-01')).edits, { from: 1, edits: [first, second] }, 'in the order they were made');
    assert.deepEqual(session.snapshot(new Date('2025-03-01')).edits, { from: 3, edits: [] }, 'a snapshot of the same version: none');
    let current = session.text;
    for (let version = 4; version < 400; version++) {
      current = 'y' + current;
      session.edit(version, [{ offset: 0, deletedLength: 0, insertedText: 'y' }], current);
    }
    assert.equal(session.snapshot(new Date('2025-03-01')).edits, undefined, 'too many to keep: the views draw afresh');
    assert.deepEqual(session.snapshot(new Date('2025-03-01')).edits, { from: 399, edits: [] });
  });

  it('follows typing without joining the whole text or reading more than a window of it, with the findings of a whole-text analysis', async () => {
    const paragraph = 'Der Konzern investiert 53 Milliarden Euro in Rechenzentren, sagte Alibaba am Montag.';
    let text = Array.from({ length: 600 }, (_, i) => `${paragraph} (${i})`).join('\n\n');
    const store = await AnnotationStore.open(dir);
    for (const at of [1000, 20_000, 40_000]) {
      const start = text.indexOf('Der', at);
      store.add(claim(text.slice(start, text.indexOf('.', start) + 1), text));
    }
    const session = new ArticleSession(text, 1, OPTIONS);
    session.setAnnotations(store.annotationsOf(PATH));
    session.analyze();
    session.snapshot(new Date('2025-03-01'), await session.contentHash());
    const reads = { joined: 0, widest: 0 };
    const { toString, slice } = PieceText.prototype;
    PieceText.prototype.toString = function (this: PieceText) {
      reads.joined++;
      return toString.call(this);
    };
    PieceText.prototype.slice = function (this: PieceText, start: number, end?: number) {
      const read = slice.call(this, start, end);
      reads.widest = Math.max(reads.widest, read.length);
      return read;
    };
    try {
      for (let i = 0; i < 10; i++) {
        const edit = { offset: 25_000 + 3 * i, deletedLength: i % 3 === 2 ? 1 : 0, insertedText: i % 3 === 2 ? '' : 'x' };
        text = text.slice(0, edit.offset) + edit.insertedText + text.slice(edit.offset + edit.deletedLength);
        const length = text.length;
        session.edit(2 + i, [edit], () => assert.fail('the text built through the edit is taken'), (followed) => followed.length === length);
        session.analyze();
        session.assembleUntil(Infinity);
        session.snapshot(new Date('2025-03-01'));
      }
    } finally {
      Object.assign(PieceText.prototype, { toString, slice });
    }
    assert.deepEqual(reads.joined, 0, 'the whole text was never joined');
    assert.ok(reads.widest <= 16 * 1024, `the widest read: ${reads.widest} characters of ${text.length}`);
    assert.equal(session.text, text);
    assert.deepEqual(session.analysisSoFar(), analyze(text), 'the findings of a whole-text analysis');
  });

  it('answers for the span under the cursor of a large article without analysing the rest', () => {
    const paragraph = 'Der Konzern investiert 53 Milliarden Euro in Rechenzentren, sagte Alibaba am Montag.';
    const text = Array.from({ length: 3000 }, (_, i) => `${paragraph} (${i})`).join('\n\n');
    const session = new ArticleSession(text, 1, OPTIONS);
    const offset = text.indexOf('53 Milliarden', text.length / 2);
    const point = session.at(offset, Infinity);
    assert.ok(point.findings.some((f) => f.kind === 'number' && f.start === offset), 'the number under the cursor');
    assert.equal(session.analysisIsCurrent, false, 'the rest waits for the editor\'s idle-time slices');
    const findings = session.analysisSoFar()?.findings ?? [];
    assert.ok(findings.length > 0 && findings.length < 100, `only the units around the offset: ${findings.length} findings`);
  });

  it('opens a large article and answers a hover in its first slices on the text as it was given: nothing joined, compared or edited', () => {
    const paragraph = 'Der Konzern investiert 53 Milliarden Euro in Rechenzentren, sagte Alibaba am Montag.';
    const text = Array.from({ length: 3000 }, (_, i) => `${paragraph} (${i})`).join('\n\n');
    const calls = { copies: 0, compared: 0, edited: 0 };
    const { toString, sharedLeadingPieces, sharedTrailingPieces, withEdits } = PieceText.prototype;
    Object.assign(PieceText.prototype, {
      toString(this: PieceText) {
        // A text not joined yet is joined now: a copy of all of it (strings compare by value, so this looks inside).
        if ((this as unknown as { joined: string | undefined }).joined === undefined) calls.copies++;
        return toString.call(this);
      },
      sharedLeadingPieces(this: PieceText, other: PieceText) {
        calls.compared++;
        return sharedLeadingPieces.call(this, other);
      },
      sharedTrailingPieces(this: PieceText, other: PieceText) {
        calls.compared++;
        return sharedTrailingPieces.call(this, other);
      },
      withEdits(this: PieceText, edits: readonly TextEdit[]) {
        calls.edited++;
        return withEdits.call(this, edits);
      },
    });
    const screen = [{ start: 0, end: 6000 }];
    const offset = text.indexOf('53 Milliarden', text.length / 2);
    let session: ArticleSession;
    try {
      session = new ArticleSession(text, 1, OPTIONS);
      // The editor's first slices (the split, then the screen), a hover in the middle, then more slices.
      for (let slice = 0; slice < 3; slice++) session.analyze({ priority: screen, deadline: performance.now() + 8 });
      assert.ok(session.at(offset, Infinity).findings.some((f) => f.kind === 'number' && f.start === offset), 'the number under the cursor');
      for (let slice = 0; slice < 3; slice++) session.analyze({ priority: screen, deadline: performance.now() + 8 });
      session.assembleUntil(Infinity);
      assert.equal(session.text, text);
    } finally {
      Object.assign(PieceText.prototype, { toString, sharedLeadingPieces, sharedTrailingPieces, withEdits });
    }
    assert.deepEqual(calls, { copies: 0, compared: 0, edited: 0 });
  });

  it('goes on with a large article\'s first split for its budget only, and answers once the split is whole', () => {
    const paragraph = 'Der Konzern investiert 53 Milliarden Euro in Rechenzentren, sagte Alibaba am Montag.';
    const text = Array.from({ length: 3000 }, (_, i) => `${paragraph} (${i})`).join('\n\n');
    const session = new ArticleSession(text, 1, OPTIONS);
    const offset = text.indexOf('53 Milliarden', text.length / 2);
    // A budget of 0: one batch of blocks per call.
    let calls = 1;
    while (session.at(offset, 0).findings.length === 0) calls++;
    assert.ok(calls > 3, `the split took ${calls} calls`);
    assert.ok(session.at(offset, 0).findings.some((f) => f.kind === 'number' && f.start === offset), 'the number under the cursor');
    assert.equal(session.analysisIsCurrent, false, 'the rest waits for the editor\'s idle-time slices');
  });

  it('tells whether the text is over the size limit in UTF-8 after every edit, counting again only near the limit', () => {
    const limit = 3000;
    let text = 'a'.repeat(2990);
    const session = new ArticleSession(text, 1, { ...OPTIONS, analysis: 'too large' });
    const pieces = ['ä', '€', '😀', 'abc', 'x'.repeat(40)];
    let seed = 1;
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let version = 2; version < 400; version++) {
      const at = Math.floor(next() * text.length);
      const deleted = next() < 0.5 ? Math.min(text.length - at, 1 + Math.floor(next() * 30)) : 0;
      const inserted = deleted > 0 && next() < 0.5 ? '' : pieces[Math.floor(next() * pieces.length)];
      text = text.slice(0, at) + inserted + text.slice(at + deleted);
      session.edit(version, [{ offset: at, deletedLength: deleted, insertedText: inserted }], text);
      assert.equal(session.exceeds(limit), exceedsUtf8(text, limit), `version ${version}, ${Buffer.byteLength(text)} bytes`);
      assert.equal(exceedsUtf8(text, limit), Buffer.byteLength(text) > limit);
    }
  });

  it('is analysed with the article\'s inputs only when it is an article within the size limit', () => {
    const settings = { maxArticleSizeBytes: 4, maxVerifiedAgeDays: 30, maxArticleAgeDays: 90 };
    let asked = 0;
    const analysis = (): { claimThreshold: number } => ({ claimThreshold: (asked += 1) });
    assert.deepEqual(sessionOptionsFor('Text', true, settings, analysis), { analysis: { claimThreshold: 1 }, maxVerifiedAgeDays: 30, maxArticleAgeDays: 90 });
    assert.equal(sessionOptionsFor('Texte', true, settings, analysis).analysis, 'too large');
    assert.equal(sessionOptionsFor('Tä', true, { ...settings, maxArticleSizeBytes: 2 }, analysis).analysis, 'too large', 'bytes, not characters');
    assert.equal(sessionOptionsFor('Text', false, settings, analysis).analysis, 'not an article');
    assert.equal(asked, 1, 'the inputs are gathered only for an analysed article');
  });

  it('hashes in slices exactly as the stored hash does (CRLF and emoji across slices, BOM)', async () => {
    let turns = 0;
    const nextTurn = (): Promise<void> => {
      turns += 1;
      return Promise.resolve();
    };
    const long = (at: number, piece: string): string => 'x'.repeat(at) + piece + 'y'.repeat(70_000);
    const texts = ['', 'a\r\nb\rc\n', '\uFEFFKI 😀 ü', long(65_535, '\r\n'), long(65_535, '😀'), long(65_535, '\r\r\n'), long(131_071, '\r')];
    for (const text of texts) assert.equal(await contentHashInSlices(text, nextTurn), contentHash(text), JSON.stringify(text.slice(65_530, 65_540)));
    assert.ok(turns >= 6, `${turns} turns`);
  });
});

describe('placeClosedArticle: an article no editor has open', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-closed-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads and resolves it as check does, with review flags; a missing article has only orphans', async () => {
    const store = await AnnotationStore.open(dir);
    const changed = `Vorab. ${ARTICLE}`;
    const qwen = store.add(claim('Qwen 2.5'));
    mkdirSync(join(dir, 'articles'), { recursive: true });
    writeFileSync(join(dir, PATH), changed);
    const options = { now: new Date('2025-03-01'), maxVerifiedAgeDays: 180, maxBytes: 1 << 20 };
    const placed = await placeClosedArticle(dir, PATH, store.annotationsOf(PATH), options);
    assert.deepEqual(placed.map((p) => [p.annotation.id, p.state, p.span, p.flags]), [[qwen.id, 'moved', rangeOf(changed, 'Qwen 2.5'), ['article changed since review']]]);
    const missing = await placeClosedArticle(dir, 'articles/gone.md', store.annotationsOf(PATH), options);
    assert.deepEqual(missing.map((p) => [p.state, p.span]), [['orphaned', undefined]]);
  });
});

describe('PieceText.withEdits and insertedSpansAfter: a multi-cursor edit (descending offsets, as VS Code reports them)', () => {
  it('finds each edit\'s inserted text where it lies in the new text', () => {
    const before = 'alpha beta gamma delta';
    const edits: TextEdit[] = [
      { offset: 17, deletedLength: 5, insertedText: 'DELTA!' },
      { offset: 6, deletedLength: 4, insertedText: '' },
      { offset: 0, deletedLength: 0, insertedText: '>> ' },
    ];
    const after = PieceText.of(before).withEdits(edits).toString();
    assert.equal(after, '>> alpha  gamma DELTA!');
    const spans = insertedSpansAfter(edits);
    assert.deepEqual(spans, [{ start: 16, end: 22 }, { start: 9, end: 9 }, { start: 0, end: 3 }]);
    spans.forEach((span, i) => assert.equal(after.slice(span.start, span.end), edits[i].insertedText));
  });
});

/** A document's lines as the editor gives them, read from its text (lines end at \n; \r stays in the line, as a CR-only end would not split). */
function documentOf(text: string): DocumentLines {
  return {
    length: text.length,
    lineAround: (offset) => ({ start: text.lastIndexOf('\n', offset - 1) + 1, end: text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset) }),
    text: (span) => text.slice(span.start, span.end),
  };
}

describe('isDocumentText: whether the text built through the edits is the editor\'s', () => {
  const before = 'Erste Zeile\nZweite Zeile\nDritte Zeile';
  const edits: TextEdit[] = [{ offset: 12, deletedLength: 0, insertedText: 'neue\n' }];
  const built = PieceText.of(before).withEdits(edits).toString();

  it('is when the document holds the same text', () => {
    assert.equal(isDocumentText(documentOf(built), built, edits), true);
  });

  it('is not when the document applied the edit otherwise (its line endings) or has another length', () => {
    assert.equal(isDocumentText(documentOf(built.replace('neue\n', 'neue\r\n')), built, edits), false, 'a longer document');
    assert.equal(isDocumentText(documentOf(built.replace('neue\n', 'Neue\n')), built, edits), false, 'the edited line differs');
  });

  it('reads only the lines an edit wrote', () => {
    const elsewhere = built.replace('Dritte', 'dritte');
    assert.equal(isDocumentText(documentOf(elsewhere), built, edits), true, 'a line no edit touched is not compared');
  });
});
