/**
 * The store bench's inputs, made of the seed articles' words so that nothing repeats verbatim: an
 * article, and annotation files of 10,000 annotations as a team writes them (distinct quotes, notes,
 * comment bodies, evidence addresses, several authors, times spread over months), with and without
 * the discussion of version 2. Deterministic: every run sees the same files.
 */
import { random, seedTexts } from './shared';
import { makeQuote, serializeAnnotationFile, STATUSES, type Annotation, type Comment } from '../src/core/store';

export const FILE_ANNOTATIONS = 10_000;
export const COMMENTS_PER_ANNOTATION = 5;

/** Names as a German-speaking newsroom's team has them (some outside ASCII). */
const TEAM = ['Anna Schmidt', 'Ben Okafor', 'Chris Wagner', 'Dana Yılmaz', 'Eli Novak', 'Frieda Müller', 'Gül Demir', 'Hannes Ørsted'];
const TAGS = ['Zahlen', 'Wahl 2025', 'KI-Verordnung', 'Studie', 'Pressemitteilung', 'Zitat', 'Chips', 'Rechenzentren', 'Energie', 'Datenschutz', 'Urheberrecht', 'Benchmark'];
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const MINUTE = 60_000;

/** The seed articles' paragraphs (lines longer than 40 characters). */
export function seedParagraphs(): string[] {
  return seedTexts()
    .flatMap((text) => text.split('\n'))
    .filter((p) => p.trim().length > 40);
}

/**
 * About `size` characters of German AI news: seed paragraphs in random order, numbered, with one word
 * in four swapped for a random word of the seeds, so that (as in a real article) passages do not
 * repeat verbatim.
 */
export function makeArticle(size: number, next: () => number): string {
  const paragraphs = seedParagraphs();
  const vocabulary = [...new Set(paragraphs.join(' ').split(/\s+/).filter(Boolean))];
  const parts: string[] = [];
  let length = 0;
  for (let n = 1; length < size; n += 1) {
    const words = paragraphs[Math.floor(next() * paragraphs.length)].split(' ').map((w) => (next() < 0.25 ? vocabulary[Math.floor(next() * vocabulary.length)] : w));
    const paragraph = `Absatz ${n}: ${words.join(' ')}\n\n`;
    parts.push(paragraph);
    length += paragraph.length;
  }
  return parts.join('').slice(0, size);
}

/** The start of the word at or after an offset. */
export function wordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\S/.test(text[i - 1])) i -= 1;
  return i;
}

export function wordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\S/.test(text[i])) i += 1;
  return i;
}

/** What a generator of the bench's texts and fields draws from. */
interface Draw {
  next: () => number;
  article: string;
}

function pickOne<T>(items: readonly T[], draw: Draw): T {
  return items[Math.floor(draw.next() * items.length)];
}

/** Whole words of the article, `min` to `max` characters: a note, a comment, a reply. */
export function passage(draw: Draw, min: number, max: number): string {
  const start = wordStart(draw.article, Math.floor(draw.next() * (draw.article.length - max - 1)));
  const end = wordEnd(draw.article, start + min + Math.floor(draw.next() * (max - min)));
  return draw.article.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** A nanoid-shaped id (21 URL-safe characters), as the store gives annotations. */
export function benchId(draw: Draw): string {
  let id = '';
  for (let i = 0; i < 21; i += 1) id += ID_ALPHABET[Math.floor(draw.next() * ID_ALPHABET.length)];
  return id;
}

function later(iso: string, draw: Draw, maxMinutes: number): string {
  return new Date(Date.parse(iso) + MINUTE * (1 + Math.floor(draw.next() * maxMinutes))).toISOString();
}

/**
 * A comment body as fact-checkers write them: mostly a sentence or two ("Wo steht das?"), now and
 * then a paragraph (15 to 400 characters, about 110 on average), sometimes with a link to a source.
 */
function commentBody(draw: Draw): string {
  const length = 15 + Math.floor(385 * draw.next() ** 3);
  const text = passage(draw, length, length);
  return draw.next() < 0.2 ? `${text} [Quelle](https://www.example.org/${Math.floor(draw.next() * 1e9).toString(36)})` : text;
}

/** A reply written after `after`; every tenth edited later, every thirtieth deleted (a tombstone). */
export function benchComment(draw: Draw, after: string): Comment {
  const at = later(after, draw, 3 * 24 * 60);
  const comment: Comment = { id: benchId(draw), author: pickOne(TEAM, draw), at, body: commentBody(draw) };
  const roll = draw.next();
  if (roll < 0.1) comment.edited = later(at, draw, 24 * 60);
  else if (roll < 0.133) return { ...comment, body: '', deleted: true };
  return comment;
}

/** The discussion and workflow fields of version 2: comments on every annotation; assignee, review and tags on a third; some threads resolved. */
function withDiscussion(a: Annotation, i: number, draw: Draw): Annotation {
  const comments: Comment[] = [];
  let at = a.created;
  for (let k = 0; k < COMMENTS_PER_ANNOTATION; k += 1) {
    const comment = benchComment(draw, at);
    comments.push(comment);
    at = comment.at;
  }
  const discussed: Annotation = { ...a, modified: at > a.modified ? at : a.modified };
  if (i % 3 === 0) {
    discussed.assignee = pickOne(TEAM, draw);
    discussed.review = { by: pickOne(TEAM, draw), at: later(at, draw, 600), result: draw.next() < 0.8 ? 'approved' : 'changes-requested', status: a.status };
    discussed.tags = [...new Set([pickOne(TAGS, draw), pickOne(TAGS, draw)])];
  }
  if (draw.next() < 0.3) discussed.resolved = true;
  discussed.comments = comments;
  return discussed;
}

/**
 * One annotation of 100 articles made of seed text: distinct quote and note, one of the team as
 * author, a time in 2025; a third with evidence, a review date and a status history.
 */
function benchAnnotation(i: number, draw: Draw): Annotation {
  const { article } = draw;
  const start = wordStart(article, Math.floor(draw.next() * (article.length - 300)));
  const end = wordEnd(article, start + 20 + Math.floor(draw.next() * 100));
  const created = new Date(Date.UTC(2025, 0, 1) + Math.floor(draw.next() * 300 * 24 * 60) * MINUTE).toISOString();
  const status = STATUSES[i % 3];
  const a: Annotation = {
    id: benchId(draw),
    article: `articles/${String(i % 100).padStart(3, '0')}.md`,
    status,
    quote: makeQuote(article, start, end),
    position: { start, end },
    note: draw.next() < 0.6 ? passage(draw, 20, 160) : '',
    created,
    modified: later(created, draw, 7 * 24 * 60),
    author: pickOne(TEAM, draw),
  };
  if (i % 3 === 0) {
    a.evidence = [`https://www.example.org/nachrichten/2025/${Math.floor(draw.next() * 1e9).toString(36)}`];
    a.reviewBy = '2025-12-31';
    a.history = [{ status: 'disputed', at: created, author: pickOne(TEAM, draw) }, { status, at: a.modified, author: pickOne(TEAM, draw) }];
  }
  return a;
}

/** The bench's file twice: as version 1 (no comments), and the same annotations with their discussion (version 2). */
export interface BenchFiles {
  plain: string;
  discussed: string;
}

/** 10,000 annotations as in {@link benchAnnotation}; `discussed` adds 5 comments to each (and assignee, review and tags to a third). */
export function makeBenchFiles(): BenchFiles {
  const next = random(11);
  const draw: Draw = { next, article: makeArticle(64 * 1024, next) };
  const plain: Annotation[] = [];
  const discussed: Annotation[] = [];
  for (let i = 0; i < FILE_ANNOTATIONS; i += 1) {
    const a = benchAnnotation(i, draw);
    plain.push(a);
    discussed.push(withDiscussion(a, i, draw));
  }
  return { plain: serializeAnnotationFile({ version: 1, annotations: plain }), discussed: serializeAnnotationFile({ version: 2, annotations: discussed }) };
}

/** A draw for changes made to a bench file (replies, notes), with its own seed. */
export function changeDraw(seed: number): Draw {
  const next = random(seed);
  return { next, article: makeArticle(16 * 1024, next) };
}
