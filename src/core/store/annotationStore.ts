/**
 * The owner of one workspace folder's annotations: in memory, merged with the file on disk, written
 * atomically, never clobbering a teammate's work.
 *
 * - Every disk read is merged three-way into memory (base = the last version read), so unsaved local
 *   changes survive a `git pull`, and changes on disk survive a save.
 * - A file that cannot be parsed, was written by a newer version, or carries conflict markers is
 *   never written; the store turns read-only, says why, and keeps local changes pending.
 * - Saves, reloads and conflict acceptance run one at a time, in call order.
 */
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { nanoid } from 'nanoid';
import {
  DEFAULT_ANNOTATION_FILE,
  type Annotation,
  type AnnotationFile,
  type Status,
  type Evidence,
  type StatusChange,
  type TextPosition,
  type TextQuote,
} from './annotation';
import { AnnotationTexts } from './annotationTexts';
import { Emitter, type Disposable } from './emitter';
import { canonicalAnnotationJson, describeUnwritable, emptyAnnotationFile, orderedAnnotation, serializeAnnotationFilePiecesKeepingTexts, sortAnnotations, type ParseResult } from './file';
import { joinedBytes, sameFileBytes, type FileBytes } from './fileBytes';
import { parseAnnotationFileBytes } from './lazyRead';
import { fileIdentity, readAnnotationFileBytes, writeFileAtomic } from './fileIo';
import { LockTimeoutError, withFileLock, type LockOptions } from './fileLock';
import { resolveInsideWorkspace } from '../workspace/guardedRead';
import { jsonEqual } from './jsonEqual';
import { mergeAnnotationFiles, resolveConflictMarkers } from './merge';
import { isValidArticlePath, validateAnnotation, type ValidationProblem } from './validate';
import { applyVersion2Patch, type Version2Patch } from './patchVersion2';

/** What can be injected, for tests and for the editor's settings. */
export interface StoreOptions {
  /** Written into new annotations and status changes (e.g. git's user.name). */
  author?: string;
  /** The clock; `modified` never goes backwards even if it does. */
  now?: () => Date;
  /** Id generator; defaults to nanoid (21 URL-safe characters). */
  newId?: () => string;
  /** How long a save waits for another window's or process's save (the cross-process lock). */
  lock?: LockOptions;
}

/** The fields a person gives when annotating a selection. */
export interface NewAnnotation {
  article: string;
  quote: TextQuote;
  position: TextPosition;
  status: Status;
  note?: string;
  evidence?: Evidence[];
  reviewBy?: string;
  articleHash?: string;
  private?: boolean;
}

/**
 * A change made by a person; `null` (or an empty list) removes an optional field. `article`, `quote`
 * and `position` together re-anchor the annotation (see {@link AnnotationStore.reanchor}).
 * `id`, `created`, `modified`, `author` and `history` are the store's to keep: a patch that tries to
 * change them is refused.
 */
export interface AnnotationPatch extends Version2Patch {
  status?: Status;
  note?: string;
  evidence?: Evidence[] | null;
  reviewBy?: string | null;
  private?: boolean | null;
  article?: string;
  quote?: TextQuote;
  position?: TextPosition;
  articleHash?: string | null;
}

/** A local change not yet in the file. */
export interface PendingChange {
  kind: 'added' | 'changed' | 'removed';
  id: string;
  /** The annotation as in memory; for `removed`, as it was in the file. */
  annotation: Annotation;
}

/** `saved` is true when the file on disk now holds every change (written, or nothing needed writing). */
export type SaveResult = { kind: 'written'; saved: true } | { kind: 'unchanged'; saved: true } | { kind: 'blocked'; saved: false; reason: string };

function blocked(reason: string): SaveResult {
  return { kind: 'blocked', saved: false, reason };
}

/** The automatic resolution of a file with conflict markers, waiting for the user's consent. */
export interface ConflictProposal {
  merged: AnnotationFile;
  oursCount: number;
  theirsCount: number;
}

/**
 * One real change, fired once: local (add, update, remove, rename), positions (moved with the
 * article's text), disk (merged from disk, or a save brought in a teammate's changes), readOnly (only
 * the read-only state changed; a disk change that also changes it says so in `readOnlyChanged`).
 * Writing what memory already holds fires nothing.
 */
export interface StoreChange {
  reason: 'local' | 'positions' | 'disk' | 'readOnly';
  readOnlyChanged?: boolean;
}

const SAVE_ATTEMPTS = 3;

/**
 * What was found on disk: the bytes (null: no file; checked to be UTF-8; the pieces this store wrote
 * when it wrote them) and their identity, or why they could not be read.
 */
interface DiskState {
  bytes: FileBytes | null;
  identity: string | null;
  unreadable?: string;
  /** Where in the file the problem is (invalid UTF-8); else line 1, column 1. */
  at?: { line: number; column: number };
  /** The guarded reader refused the file (outside the folder, not a regular file): never read or written. */
  refused?: boolean;
}

/** Parses a disk state: a missing file is an empty one. */
function parseDisk(disk: DiskState): ParseResult {
  if (disk.unreadable !== undefined) return { kind: 'invalid', problems: [{ line: 1, column: 1, ...disk.at, message: disk.unreadable }] };
  return disk.bytes === null ? { kind: 'ok', file: emptyAnnotationFile() } : parseAnnotationFileBytes(joinedBytes(disk.bytes));
}

/** Whether two versions seen on disk are the same (undefined: none seen yet; null: no file). */
function sameBytes(a: FileBytes | null | undefined, b: FileBytes | null | undefined): boolean {
  return a === b || (a !== null && a !== undefined && b !== null && b !== undefined && sameFileBytes(a, b));
}
/** Fields only the store sets. */
const STORE_OWNED_FIELDS = ['id', 'created', 'modified', 'author', 'history'] as const;

function formatProblems(problems: ValidationProblem[]): string {
  return problems.map((p) => `${p.path.join('.') || 'annotation'} ${p.message}`).join('; ');
}

function isoAfter(previous: string | undefined, now: Date): string {
  const last = previous === undefined ? Number.NaN : Date.parse(previous);
  const time = Number.isNaN(last) || now.getTime() > last ? now.getTime() : last + 1;
  return new Date(time).toISOString();
}

export class AnnotationStore {
  /** Absolute path of the annotation file. */
  readonly filePath: string;
  private readonly author: string;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly lockOptions: LockOptions;
  /** The annotation file's real path (symbolic links resolved, checked to be inside the folder). */
  private realFilePath: string;
  private readonly changes = new Emitter<StoreChange>();
  /** Subscribe to changes of annotations, anchors, or the read-only state. */
  readonly onDidChange: (listener: (change: StoreChange) => void) => Disposable = this.changes.event;

  private current = new Map<string, Annotation>();
  private sorted: Annotation[] | undefined;
  /** Counts changes of `current`, to tell whether memory changed while a write was in flight. */
  private revision = 0;
  /** The last file content read that memory descends from: the base of every three-way merge. */
  private base: AnnotationFile | null = null;
  /** The exact bytes last seen on disk (null: no file), to notice changes. */
  private diskBytes: FileBytes | null | undefined;
  /** The identity (inode, size, mtime) of that version, to notice changes without reading. */
  private diskIdentity: string | null | undefined;
  private readOnly: string | undefined;
  private proposal: (ConflictProposal & { diskBytes: FileBytes }) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** The text of each annotation as last written: a save serialises only the annotations that changed since. */
  private readonly texts = new AnnotationTexts();

  private constructor(
    readonly folderPath: string,
    readonly relativeFilePath: string,
    options: StoreOptions,
  ) {
    if (!isValidArticlePath(relativeFilePath)) {
      throw new Error(`The annotation file must be a path inside the workspace folder with '/' separators, not "${relativeFilePath}"`);
    }
    this.filePath = join(folderPath, ...relativeFilePath.split('/'));
    this.author = options.author ?? '';
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => nanoid());
    this.lockOptions = options.lock ?? {};
    this.realFilePath = this.filePath;
  }

  /**
   * Opens the annotations of a workspace folder. A missing file is an empty one (created on the first
   * save); an unreadable one opens read-only with {@link readOnlyReason} saying why.
   * @param folderPath Absolute path of the workspace folder.
   * @param relativeFilePath The annotation file inside it, `/` separators.
   */
  static async open(folderPath: string, relativeFilePath: string = DEFAULT_ANNOTATION_FILE, options: StoreOptions = {}): Promise<AnnotationStore> {
    const store = new AnnotationStore(folderPath, relativeFilePath, options);
    await store.reloadFromDisk();
    return store;
  }

  /** All annotations, in the file's order. Treat them as read-only: change them through the store. */
  get annotations(): readonly Annotation[] {
    this.sorted ??= sortAnnotations([...this.current.values()]);
    return this.sorted;
  }

  /** Why the file cannot be written right now, or undefined when it can. */
  get readOnlyReason(): string | undefined {
    return this.readOnly;
  }

  /** The proposed resolution when the file on disk has git conflict markers. */
  get conflictProposal(): ConflictProposal | undefined {
    if (!this.proposal) return undefined;
    const { merged, oursCount, theirsCount } = this.proposal;
    return { merged, oursCount, theirsCount };
  }

  /** Local changes not yet written to the file (kept while the store is read-only). */
  get pending(): PendingChange[] {
    const inBase = new Map((this.base?.annotations ?? []).map((a) => [a.id, a]));
    const changes: PendingChange[] = [];
    for (const annotation of this.annotations) {
      const before = inBase.get(annotation.id);
      if (!before) changes.push({ kind: 'added', id: annotation.id, annotation });
      else if (before !== annotation && !jsonEqual(before, annotation)) changes.push({ kind: 'changed', id: annotation.id, annotation });
    }
    for (const [id, annotation] of inBase) {
      if (!this.current.has(id)) changes.push({ kind: 'removed', id, annotation });
    }
    return changes;
  }

  /** One annotation by id. */
  get(id: string): Annotation | undefined {
    return this.current.get(id);
  }

  /** The annotations of one article, in position order. */
  annotationsOf(article: string): Annotation[] {
    return this.annotations.filter((a) => a.article === article);
  }

  /**
   * Adds an annotation made by this store's author now.
   * @throws Error naming the fields that break the file contract (e.g. an absolute article path).
   */
  add(input: NewAnnotation, author: string = this.author): Annotation {
    const created = isoAfter(undefined, this.now());
    const draft: Annotation = {
      id: this.uniqueId(),
      article: input.article,
      status: input.status,
      quote: input.quote,
      position: input.position,
      note: input.note ?? '',
      created,
      modified: created,
      author,
    };
    if (input.evidence && input.evidence.length > 0) draft.evidence = input.evidence;
    if (input.reviewBy !== undefined) draft.reviewBy = input.reviewBy;
    if (input.articleHash !== undefined) draft.articleHash = input.articleHash;
    if (input.private) draft.private = true;
    const annotation = this.checked(orderedAnnotation(draft), 'add the annotation');
    this.setAnnotation(annotation);
    this.changes.fire({ reason: 'local' });
    return annotation;
  }

  /**
   * Changes an annotation's verdict. A status change is recorded in `history` (seeded with the
   * original status the first time); any change bumps `modified`. A patch that changes nothing is ignored.
   * @param author Who made the change (recorded in the status history); defaults to the store's author.
   * @throws Error when the id is unknown, the patch touches a field the store owns, or the result breaks the contract.
   */
  update(id: string, patch: AnnotationPatch, author: string = this.author): Annotation {
    const old = this.existing(id);
    for (const field of STORE_OWNED_FIELDS) {
      const value = (patch as Record<string, unknown>)[field];
      if (value !== undefined && JSON.stringify(value) !== JSON.stringify(old[field])) {
        throw new Error(`Cannot update the annotation: "${field}" is kept by the annotation store and cannot be set`);
      }
    }
    const next: Annotation = { ...old };
    const modified = isoAfter(old.modified, this.now());
    if (patch.status !== undefined && patch.status !== old.status) {
      const history: StatusChange[] = old.history ? [...old.history] : [{ status: old.status, at: old.created, author: old.author }];
      history.push({ status: patch.status, at: modified, author });
      next.status = patch.status;
      next.history = history;
    }
    if (patch.note !== undefined) next.note = patch.note;
    if (patch.evidence !== undefined) {
      if (patch.evidence === null || patch.evidence.length === 0) delete next.evidence;
      else next.evidence = [...patch.evidence];
    }
    if (patch.reviewBy !== undefined) {
      if (patch.reviewBy === null) delete next.reviewBy;
      else next.reviewBy = patch.reviewBy;
    }
    if (patch.private !== undefined) {
      if (patch.private) next.private = true;
      else delete next.private;
    }
    if (patch.article !== undefined) next.article = patch.article;
    if (patch.quote !== undefined) next.quote = patch.quote;
    if (patch.position !== undefined) next.position = patch.position;
    if (patch.articleHash !== undefined) {
      if (patch.articleHash === null) delete next.articleHash;
      else next.articleHash = patch.articleHash;
    }
    applyVersion2Patch(next, patch);
    if (canonicalAnnotationJson(next) === canonicalAnnotationJson(old)) return old;
    next.modified = modified;
    const annotation = this.checked(orderedAnnotation(next), 'update the annotation');
    this.setAnnotation(annotation);
    this.changes.fire({ reason: 'local' });
    return annotation;
  }

  /**
   * Records where annotations now are after edits of their article (not a change of the verdict:
   * `modified` stays, and a teammate's deletion still wins over it in a merge). One change event
   * for all of them.
   * @param positions New positions by annotation id; unknown ids are skipped.
   * @returns How many annotations moved.
   */
  movePositions(positions: ReadonlyMap<string, TextPosition>): number {
    let moved = 0;
    for (const [id, position] of positions) {
      const old = this.current.get(id);
      if (!old || (old.position.start === position.start && old.position.end === position.end)) continue;
      const next = this.checked(orderedAnnotation({ ...old, position: { start: position.start, end: position.end } }), 'move the annotation');
      this.setAnnotation(next);
      moved += 1;
    }
    if (moved > 0) this.changes.fire({ reason: 'positions' });
    return moved;
  }

  /** Drops every listener; the store can still be read but no longer reports changes. */
  dispose(): void {
    this.changes.dispose();
  }

  /**
   * Puts an annotation on a new selection (how an orphan or a fuzzy match is fixed by a person).
   * @param articleHash The article's content hash now, when the caller tracks it.
   */
  reanchor(id: string, quote: TextQuote, position: TextPosition, articleHash?: string): Annotation {
    const old = this.existing(id);
    const next: Annotation = { ...old, quote, position, modified: isoAfter(old.modified, this.now()) };
    if (articleHash !== undefined) next.articleHash = articleHash;
    const annotation = this.checked(orderedAnnotation(next), 're-anchor the annotation');
    this.setAnnotation(annotation);
    this.changes.fire({ reason: 'local' });
    return annotation;
  }

  /** Deletes an annotation. @returns false when there was none with that id. */
  remove(id: string): boolean {
    if (!this.current.delete(id)) return false;
    this.touch();
    this.changes.fire({ reason: 'local' });
    return true;
  }

  /**
   * Follows a renamed article (or folder of articles): annotations keep their verdicts and move to the new path.
   * @returns How many annotations moved.
   */
  renameArticle(from: string, to: string): number {
    if (!isValidArticlePath(to)) throw new Error(`Cannot move annotations to "${to}": not a relative path with '/' separators`);
    let moved = 0;
    for (const annotation of this.annotations) {
      const inside = annotation.article === from || annotation.article.startsWith(`${from}/`);
      if (!inside) continue;
      this.setAnnotation({ ...annotation, article: to + annotation.article.slice(from.length) });
      moved += 1;
    }
    if (moved > 0) this.changes.fire({ reason: 'local' });
    return moved;
  }

  /** Reads the file and merges it into memory, keeping unsaved local changes. Call it from a file watcher. */
  reloadFromDisk(): Promise<void> {
    return this.enqueue(async () => {
      const disk = await this.readDisk();
      this.diskIdentity = disk.identity;
      if (disk.unreadable === undefined && sameBytes(disk.bytes, this.diskBytes)) return;
      const wasReadOnly = this.readOnly;
      const changed = this.absorb(disk, parseDisk(disk));
      this.fireChange(changed, wasReadOnly);
    });
  }

  /**
   * Writes memory to the file: re-reads it first, merges what changed on disk since the last read,
   * and replaces the file atomically. Never writes over a file that cannot be parsed, is newer, or
   * has conflict markers: then the changes stay pending and the result says why.
   * @param options.createEmpty Write the file even when there is none and no annotations (to open it).
   */
  save(options: { createEmpty?: boolean } = {}): Promise<SaveResult> {
    const createEmpty = options.createEmpty ?? false;
    return this.enqueue(() => this.underLock(() => this.saveNow(createEmpty), createEmpty));
  }

  /**
   * Accepts {@link conflictProposal}: merges local pending changes into it and writes it.
   * Refuses (blocked) when the file changed since the proposal was made; a new proposal is then ready.
   */
  acceptConflictResolution(): Promise<SaveResult> {
    return this.enqueue(() => this.underLock(async () => {
      const proposal = this.proposal;
      if (!proposal) return blocked('There is no conflict to resolve.');
      const disk = await this.readDisk();
      if (!sameBytes(disk.bytes, proposal.diskBytes)) {
        const wasReadOnly = this.readOnly;
        this.fireChange(this.absorb(disk, parseDisk(disk)), wasReadOnly);
        return blocked(`${this.relativeFilePath} changed on disk since the proposal was made; review the new state.`);
      }
      const snapshotRevision = this.revision;
      const snapshot = this.currentFile();
      const merged = mergeAnnotationFiles(this.base, snapshot, proposal.merged);
      return (await this.write(merged, disk, snapshot, snapshotRevision)) ?? blocked(`${this.relativeFilePath} changed on disk while writing; review the new state.`);
    }, true));
  }

  /**
   * Runs a read-merge-write holding the cross-process lock next to the file, so that no other window
   * or process writes between this read and this write. Refuses (read-only) an annotation file or
   * folder that resolves outside the workspace folder; gives up, keeping the changes, when another
   * writer holds the lock too long.
   */
  private async underLock(task: () => Promise<SaveResult>, mayCreate: boolean): Promise<SaveResult> {
    const where = await resolveInsideWorkspace(this.folderPath, this.relativeFilePath);
    if (where.kind === 'refused') {
      this.absorb({ bytes: null, identity: null, unreadable: where.message, refused: true }, { kind: 'invalid', problems: [] });
      this.changes.fire({ reason: 'readOnly' });
      return blocked(this.readOnly as string);
    }
    this.realFilePath = where.realPath;
    const folder = dirname(where.realPath);
    const folderMissing = await fs.stat(folder).then(() => false, () => true);
    // Nothing to write and no folder yet: no lock needed, and no empty folder left behind.
    if (folderMissing && !mayCreate && this.pending.length === 0) return task();
    await fs.mkdir(folder, { recursive: true });
    try {
      return await withFileLock(`${where.realPath}.lock`, task, this.lockOptions);
    } catch (error) {
      if (!(error instanceof LockTimeoutError)) throw error;
      return blocked(`Could not save ${this.relativeFilePath}: another window or process is writing it (waited ${(error.waitedMs / 1000).toFixed(1)} s for ${error.lockPath}). Your changes are kept; the next save tries again.`);
    }
  }

  private async saveNow(createEmpty: boolean): Promise<SaveResult> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const snapshotRevision = this.revision;
      const snapshot = this.currentFile();
      // The same file version as last read needs no reading again.
      const identity = await fileIdentity(this.filePath).catch(() => undefined);
      const unchanged = identity !== undefined && identity === this.diskIdentity && this.diskBytes !== undefined;
      const disk: DiskState = unchanged ? { bytes: this.diskBytes as FileBytes | null, identity: identity as string | null } : await this.readDisk();
      const changedOnDisk = disk.unreadable !== undefined || !sameBytes(disk.bytes, this.diskBytes);
      if (!changedOnDisk && this.readOnly !== undefined) return blocked(this.readOnly);
      let merged = snapshot;
      if (changedOnDisk) {
        const parsed = parseDisk(disk);
        if (parsed.kind !== 'ok') {
          const wasReadOnly = this.readOnly;
          this.fireChange(this.absorb(disk, parsed), wasReadOnly);
          return blocked(this.readOnly ?? describeUnwritable(parsed, this.relativeFilePath));
        }
        merged = mergeAnnotationFiles(this.base, snapshot, parsed.file);
      }
      // (Unchanged on disk means the disk file is the base: nothing to merge.)
      const result = await this.write(merged, disk, snapshot, snapshotRevision, createEmpty);
      if (result !== undefined) return result;
    }
    return blocked(`${this.relativeFilePath} kept changing on disk while saving; try again.`);
  }

  /**
   * Writes a merge unless the disk changed after `diskBefore` was read.
   * @returns undefined when the disk changed meanwhile (the caller starts over).
   */
  private async write(merged: AnnotationFile, diskBefore: DiskState, snapshot: AnnotationFile, snapshotRevision: number, createEmpty = false): Promise<SaveResult | undefined> {
    const bytes = serializeAnnotationFilePiecesKeepingTexts(merged, this.texts);
    let kind: 'written' | 'unchanged' = 'unchanged';
    let identity = diskBefore.identity;
    // No file and nothing to put in it: leave the workspace alone unless asked to create it.
    const needless = diskBefore.bytes === null && merged.annotations.length === 0 && !createEmpty;
    if (!sameBytes(bytes, diskBefore.bytes) && !needless) {
      let written: string | null;
      try {
        written = await writeFileAtomic(this.realFilePath, bytes, async () => (await fileIdentity(this.filePath)) === diskBefore.identity);
      } catch (error) {
        return blocked(`Could not write ${this.filePath}: ${error instanceof Error ? error.message : String(error)}. Your changes are kept.`);
      }
      if (written === null) return undefined;
      kind = 'written';
      identity = written;
    }
    const wasReadOnly = this.readOnly;
    this.diskBytes = kind === 'written' ? bytes : diskBefore.bytes;
    this.diskIdentity = identity;
    this.base = merged;
    this.readOnly = undefined;
    this.proposal = undefined;
    // Keep what changed in memory while the file was being written. (Memory is already the merge
    // when nothing changed meanwhile and nothing came from disk.)
    let changed = false;
    if (this.revision !== snapshotRevision) changed = this.replaceCurrent(mergeAnnotationFiles(snapshot, this.currentFile(), merged).annotations);
    else if (merged !== snapshot) changed = this.replaceCurrent(merged.annotations);
    this.fireChange(changed, wasReadOnly);
    return { kind, saved: true };
  }

  /**
   * Takes a disk state into memory: merges it when readable, otherwise turns read-only.
   * @returns true when the annotations in memory changed.
   */
  private absorb(disk: DiskState, parsed: ParseResult): boolean {
    this.diskBytes = disk.bytes;
    this.diskIdentity = disk.identity;
    this.proposal = undefined;
    if (parsed.kind === 'ok' || (parsed.kind === 'newer' && parsed.file)) {
      const file = parsed.file as AnnotationFile;
      const nothingYet = this.base === null && this.current.size === 0;
      const changed = this.replaceCurrent(nothingYet ? file.annotations : mergeAnnotationFiles(this.base, this.currentFile(), file).annotations);
      this.base = file;
      this.readOnly = parsed.kind === 'ok' ? undefined : describeUnwritable(parsed, this.relativeFilePath);
      return changed;
    }
    this.readOnly = disk.refused ? `${disk.unreadable}. Annotations are read-only; your changes are kept.` : describeUnwritable(parsed, this.relativeFilePath);
    if (parsed.kind === 'conflicted' && disk.bytes !== null) {
      const resolution = resolveConflictMarkers(joinedBytes(disk.bytes).toString('utf8'));
      if ('error' in resolution) this.readOnly = `${this.readOnly} It cannot be resolved automatically: ${resolution.error}.`;
      else this.proposal = { ...resolution, diskBytes: disk.bytes };
    }
    return false;
  }

  /** Fires one event for what a read or write changed: the annotations, the read-only state, or both. */
  private fireChange(annotationsChanged: boolean, wasReadOnly: string | undefined): void {
    const readOnlyChanged = wasReadOnly !== this.readOnly;
    if (annotationsChanged) this.changes.fire(readOnlyChanged ? { reason: 'disk', readOnlyChanged } : { reason: 'disk' });
    else if (readOnlyChanged) this.changes.fire({ reason: 'readOnly' });
  }

  /** The file as on disk now; a file that cannot be read at all becomes an `unreadable` state. */
  private async readDisk(): Promise<DiskState> {
    try {
      const read = await readAnnotationFileBytes(this.folderPath, this.relativeFilePath);
      if (read.kind === 'refused') return { bytes: null, identity: null, unreadable: read.reason, refused: true };
      if (read.kind === 'undecodable') {
        const at = { line: read.line, column: read.column };
        return { bytes: null, identity: null, unreadable: 'is not valid UTF-8 here; fix the encoding (it is never rewritten with replacement characters)', at };
      }
      this.realFilePath = read.realPath;
      return read;
    } catch (error) {
      return { bytes: null, identity: null, unreadable: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private currentFile(): AnnotationFile {
    return { version: 1, annotations: [...this.annotations] };
  }

  /**
   * Replaces memory by a merge result, keeping the objects of annotations that did not change (so
   * that the editor's placements know what it must re-anchor).
   * @returns true when any annotation was added, changed or removed.
   */
  private replaceCurrent(annotations: readonly Annotation[]): boolean {
    const previous = this.current;
    let changed = annotations.length !== previous.size;
    this.current = new Map(annotations.map((a) => {
      const old = previous.get(a.id);
      // jsonEqual: the same answer as comparing canonical JSON (a property test), without building it.
      if (old && (old === a || jsonEqual(old, a))) return [a.id, old];
      changed = true;
      return [a.id, a];
    }));
    if (changed) this.touch();
    return changed;
  }

  private setAnnotation(annotation: Annotation): void {
    this.current.set(annotation.id, annotation);
    this.touch();
  }

  private touch(): void {
    this.sorted = undefined;
    this.revision += 1;
  }

  private existing(id: string): Annotation {
    const annotation = this.current.get(id);
    if (!annotation) throw new Error(`No annotation with id "${id}" in ${this.relativeFilePath}`);
    return annotation;
  }

  private checked(annotation: Annotation, action: string): Annotation {
    const problems = validateAnnotation(annotation);
    if (problems.length > 0) throw new Error(`Cannot ${action}: ${formatProblems(problems)}`);
    return annotation;
  }

  private uniqueId(): string {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const id = this.newId();
      if (!this.current.has(id)) return id;
    }
    throw new Error('The id generator keeps returning ids already in use');
  }
}
