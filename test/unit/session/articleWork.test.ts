import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleSession, type ArticleSnapshot, type SessionOptions } from '../../../src/core/session/articleSession';
import { ArticleWork, SLICED_ABOVE_CHARS, textEdits, WarmUp, type ArticleWorkHost, type Timers } from '../../../src/core/session/articleWork';
import { makeQuote } from '../../../src/core/store/anchor';
import { AnnotationStore } from '../../../src/core/store/annotationStore';

const ARTICLE = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o in 12 von 14 Benchmarks. Der Konzern investiert 53 Milliarden.';
const PATH = 'articles/qwen.md';
const OPTIONS: SessionOptions = { analysis: {}, maxVerifiedAgeDays: 180, maxArticleAgeDays: 365 };

/** Timers on a virtual clock, run by hand: the earliest due first, in the order they were set. */
class ManualTimers implements Timers {
  private queue: { id: number; due: number; callback: () => void }[] = [];
  private nextId = 0;
  now = 0;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = (this.nextId += 1);
    this.queue.push({ id, due: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Runs timers (and the promises they resolve) until none is left, or `until` on the virtual clock. */
  async run(until = Number.POSITIVE_INFINITY): Promise<number> {
    let turns = 0;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve)); // what the last turn's promises do next
      const next = [...this.queue].sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next || next.due > until) return turns;
      this.queue = this.queue.filter((t) => t !== next);
      this.now = Math.max(this.now, next.due);
      next.callback();
      turns += 1;
    }
  }
}

function setUp(text = ARTICLE, host: Partial<ArticleWorkHost> = {}, steps: (() => void)[] = []): { work: ArticleWork; timers: ManualTimers; published: ArticleSnapshot[] } {
  const timers = new ManualTimers();
  const published: ArticleSnapshot[] = [];
  const work = new ArticleWork(new ArticleSession(text, 1, OPTIONS), {
    visible: () => [{ start: 0, end: 200 }],
    resized: () => undefined,
    publish: (snapshot) => published.push(snapshot),
    now: () => new Date('2025-03-01T00:00:00Z'),
    ...host,
  }, new WarmUp(steps, timers), timers);
  return { work, timers, published };
}

describe('ArticleWork: when an open article is analysed and published', () => {
  it('publishes one complete snapshot after opening, a turn after the analysis, and is then idle', async () => {
    const { work, timers, published } = setUp();
    work.restart(0);
    assert.equal(work.busy, true);
    const turns = await timers.run();
    assert.ok(turns >= 3, 'analysis, snapshot and publication take turns of their own');
    assert.equal(published.length, 1);
    assert.equal(published[0].complete, true);
    assert.ok(published[0].claims.length > 0, 'the claims of the article');
    assert.equal(work.snapshot, published[0]);
    assert.equal(work.busy, false);
    assert.equal(timers.pending, 0);
  });

  it('waits for the one debounce: keystrokes within it give one analysis and one publication', async () => {
    const { work, timers, published } = setUp();
    work.restart(0);
    await timers.run();
    let text = ARTICLE;
    for (let version = 2; version <= 6; version++) {
      const edits = textEdits([{ rangeOffset: 0, rangeLength: 0, text: 'x' }]);
      text = `x${text}`;
      work.session.edit(version, edits, text);
      work.edited(300);
      await timers.run(timers.now + 100); // the next key comes before the debounce ends
      assert.equal(work.busy, true, 'pending while typing');
    }
    await timers.run();
    assert.equal(work.session.analyses, 2, 'the first version and the last');
    assert.equal(published.length, 2);
    assert.equal(published[1].version, 6);
    const { analyses, reanchorings, lastWorkMs, longestWorkMs } = work.stats;
    assert.deepEqual({ analyses, reanchorings }, { analyses: 2, reanchorings: work.session.reanchorings }, 'the stats the test API reads');
    assert.deepEqual([lastWorkMs, longestWorkMs], [work.lastWorkMs, work.longestWorkMs]);
  });

  it('publishes an annotation change on its own when idle, and with the work under way when busy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ainews-work-'));
    try {
      const store = await AnnotationStore.open(dir);
      const { work, timers, published } = setUp();
      work.restart(0);
      await timers.run();
      const start = ARTICLE.indexOf('Qwen 2.5');
      store.add({ article: PATH, status: 'verified', quote: makeQuote(ARTICLE, start, start + 8), position: { start, end: start + 8 } });
      assert.ok(work.session.setAnnotations(store.annotationsOf(PATH)));
      work.annotationsChanged();
      await timers.run();
      assert.equal(published.length, 2);
      assert.equal(published[1].placements.length, 1);
      assert.equal(work.session.analyses, 1, 'an annotation change analyses nothing');

      work.session.edit(2, textEdits([{ rangeOffset: 0, rangeLength: 0, text: 'Neu: ' }]), `Neu: ${ARTICLE}`);
      work.edited(300);
      store.remove(published[1].placements[0].annotation.id);
      assert.ok(work.session.setAnnotations(store.annotationsOf(PATH)));
      work.annotationsChanged();
      await timers.run();
      assert.equal(published.length, 3, 'one publication for the edit and the change');
      assert.deepEqual([published[2].version, published[2].placements.length], [2, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes nothing once stopped', async () => {
    const { work, timers, published } = setUp();
    work.restart(0);
    work.stop();
    await timers.run();
    assert.equal(published.length, 0);
  });

  it('takes the steps of the first analysis one per turn before the first slice', async () => {
    const taken: number[] = [];
    const { work, timers, published } = setUp(ARTICLE, {}, [() => taken.push(1), () => taken.push(2)]);
    work.restart(0);
    await timers.run(0);
    assert.deepEqual(taken, [1, 2]);
    assert.equal(published.length, 1);
  });

  it('analyses a large article in slices, what is on screen first, and publishes the first slice before the rest', async function () {
    this.timeout(30_000);
    let text = '';
    for (let i = 0; text.length <= SLICED_ABOVE_CHARS; i++) text += `${ARTICLE.replace('53', String(i))}\n\n`;
    const { work, timers, published } = setUp(text, { visible: () => [{ start: 0, end: 500 }] });
    work.restart(0);
    await timers.run();
    assert.ok(published.length >= 2, 'a partial snapshot, then the complete one');
    assert.equal(published[0].complete, false);
    assert.ok(published[0].analysis!.findings.some((f) => f.start < 500), 'the visible part is in the first one');
    assert.equal(published.at(-1)!.complete, true);
  });

  it('takes a new session when the host says the article crossed the size limit', async () => {
    const replacement = new ArticleSession(ARTICLE, 1, { ...OPTIONS, analysis: 'too large' });
    const { work, timers, published } = setUp(ARTICLE, { resized: (session) => (session === replacement ? undefined : replacement) });
    work.restart(0);
    await timers.run();
    assert.equal(work.session, replacement);
    assert.deepEqual([published[0].tooLarge, published[0].analysis], [true, undefined]);
  });

  it('turns simultaneous content changes into edits applied last-first', () => {
    assert.deepEqual(textEdits([{ rangeOffset: 2, rangeLength: 1, text: 'a' }, { rangeOffset: 9, rangeLength: 0, text: 'b' }]), [
      { offset: 9, deletedLength: 0, insertedText: 'b' },
      { offset: 2, deletedLength: 1, insertedText: 'a' },
    ]);
  });

  it('answers for an offset with the last snapshot\'s flags, finishes the analysis for commands, and hands out the positions to write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ainews-work-'));
    try {
      const store = await AnnotationStore.open(dir);
      const start = ARTICLE.indexOf('Qwen 2.5');
      store.add({ article: PATH, status: 'verified', quote: makeQuote(ARTICLE, start, start + 8), position: { start, end: start + 8 } });
      const { work, timers } = setUp();
      work.session.setAnnotations(store.annotationsOf(PATH));
      assert.ok(work.completeAnalysis()!.findings.length > 0, 'analysed now, for a command');
      work.restart(0);
      await timers.run();
      const point = work.at(start + 1);
      assert.equal(point.placements.length, 1);
      assert.deepEqual(point.placements[0].flags, work.snapshot!.placements[0].flags);
      assert.ok(point.findings.some((f) => f.text.includes('Qwen')));
      work.session.edit(2, textEdits([{ rangeOffset: 0, rangeLength: 0, text: 'Neu: ' }]), `Neu: ${ARTICLE}`);
      assert.deepEqual([...work.settledPositions()], [[store.annotations[0].id, { start: start + 5, end: start + 13 }]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
