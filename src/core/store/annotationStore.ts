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
import { join } from 'node:path';
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
import { mapPositionThroughEdit, normalizeLineEndings, resolveAll, resolveAnchor, type AnchorResolution, type TextEdit } from './anchor';
import { Emitter, type Disposable } from './emitter';
import { canonicalAnnotationJson, describeUnwritable, emptyAnnotationFile, orderedAnnotation, parseAnnotationFile, serializeAnnotationFile, sortAnnotations, type ParseResult } from './file';
import { fileIdentity, readTextWithIdentity, writeFileAtomic } from './fileIo';
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

export interface StoreChange {
  /** local: add/update/remove; anchors: positions or anchor states; disk: merged from disk; saved; readOnly: read-only state changed. */
  reason: 'local' | 'anchors' | 'disk' | 'saved' | 'readOnly';
}

/** An annotation together with where it stands in the current text. */
export interface ResolvedAnnotation {
  annotation: Annotation;
  resolution: AnchorResolution;
}

const SAVE_ATTEMPTS = 3;

/** What was found on disk: the text (null: no file) and its identity, or why it could not be read. */
interface DiskState {
  text: string | null;
  identity: string | null;
  unreadable?: string;
}

/** Parses a disk state: a missing file is an empty one. */
function parseDisk(disk: DiskState): ParseResult {
  if (disk.unreadable !== undefined) return { kind: 'invalid', problems: [{ line: 1, column: 1, message: disk.unreadable }] };
  return disk.text === null ? { kind: 'ok', file: emptyAnnotationFile() } : parseAnnotationFile(disk.text);
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
  private readonly changes = new Emitter<StoreChange>();
  /** Subscribe to changes of annotations, anchors, or the read-only state. */
  readonly onDidChange: (listener: (change: StoreChange) => void) => Disposable = this.changes.event;

  private current = new Map<string, Annotation>();
  private sorted: Annotation[] | undefined;
  /** Counts changes of `current`, to tell whether memory changed while a write was in flight. */
  private revision = 0;
  /** The last file content read that memory descends from: the base of every three-way merge. */
  private base: AnnotationFile | null = null;
  /** The exact text last seen on disk (null: no file), to notice changes. */
  private diskText: string | null | undefined;
  /** The identity (inode, size, mtime) of that version, to notice changes without reading. */
  private diskIdentity: string | null | undefined;
  private readOnly: string | undefined;
  private proposal: (ConflictProposal & { diskText: string }) | undefined;
  private readonly anchors = new Map<string, AnchorResolution>();
  private queue: Promise<unknown> = Promise.resolve();

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
      else if (canonicalAnnotationJson(before) !== canonicalAnnotationJson(annotation)) changes.push({ kind: 'changed', id: annotation.id, annotation });
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

  /** Where an annotation was last found, if it was resolved or tracked since it was loaded. */
  anchorOf(id: string): AnchorResolution | undefined {
    return this.anchors.get(id);
  }

  /** Annotations whose words were not found: kept, and listed until re-anchored or deleted. */
  get orphans(): Annotation[] {
    return this.annotations.filter((a) => this.anchors.get(a.id)?.state === 'orphaned');
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
    this.anchors.set(annotation.id, { state: 'exact', start: annotation.position.start, end: annotation.position.end });
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
    if (patch.quote !== undefined || patch.position !== undefined) {
      this.anchors.set(id, { state: 'exact', start: annotation.position.start, end: annotation.position.end });
    }
    this.changes.fire({ reason: 'local' });
    return annotation;
  }

  /**
   * Records where an annotation now is after edits of its article (not a change of the verdict:
   * `modified` stays, and a teammate's deletion still wins over it in a merge).
   * @returns false when there is no annotation with that id.
   */
  movePosition(id: string, position: TextPosition): boolean {
    const old = this.current.get(id);
    if (!old) return false;
    if (old.position.start === position.start && old.position.end === position.end) return true;
    this.checked(orderedAnnotation({ ...old, position }), 'move the annotation');
    this.setAnnotation({ ...old, position: { start: position.start, end: position.end } });
    this.changes.fire({ reason: 'anchors' });
    return true;
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
    this.anchors.set(id, { state: 'exact', start: position.start, end: position.end });
    this.changes.fire({ reason: 'local' });
    return annotation;
  }

  /** Deletes an annotation. @returns false when there was none with that id. */
  remove(id: string): boolean {
    if (!this.current.delete(id)) return false;
    this.anchors.delete(id);
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

  /**
   * Re-anchors every annotation of an article against its current text (after it changed outside the
   * editor, or when it is opened). Found annotations take their new position (not a verdict change:
   * `modified` stays); orphans keep their last position.
   */
  resolveArticle(article: string, text: string): ResolvedAnnotation[] {
    const list = this.annotationsOf(article);
    const results = resolveAll(text, list);
    const resolved = list.map((annotation, i) => {
      const resolution = results[i];
      this.anchors.set(annotation.id, resolution);
      return { annotation: this.withPosition(annotation, resolution), resolution };
    });
    this.changes.fire({ reason: 'anchors' });
    return resolved;
  }

  /**
   * Moves an article's annotations with edits made in the editor. Each edit's offset refers to the text
   * after the previous edits of the list (give VS Code's `contentChanges` sorted by descending offset).
   * An annotation whose whole range was deleted turns orphaned (and is kept); orphans are looked for
   * again, by exact quote, in `newText`, so an undo brings them back.
   * @param newText The article's full text after the edits.
   */
  applyEdits(article: string, edits: readonly TextEdit[], newText: string): void {
    const list = this.annotationsOf(article);
    if (list.length === 0) return;
    const inserted = edits.some((e) => e.insertedText.length > 0);
    for (const annotation of list) {
      const before = this.anchors.get(annotation.id);
      let position: TextPosition = annotation.position;
      let lost = before?.state === 'orphaned';
      for (const edit of edits) {
        const mapped = mapPositionThroughEdit(position, edit);
        if (mapped === null) {
          lost = true;
          position = { start: edit.offset, end: edit.offset };
        } else {
          position = mapped;
        }
      }
      let resolution: AnchorResolution;
      if (lost) {
        const found = inserted ? resolveAnchor(newText, annotation.quote, position, { approximate: false }) : { state: 'orphaned' as const };
        resolution = found.state === 'orphaned' ? found : { state: found.state === 'fuzzy' ? 'fuzzy' : 'exact', start: found.start, end: found.end };
        if (found.state !== 'orphaned') position = { start: found.start, end: found.end };
      } else {
        const stillSame = normalizeLineEndings(newText.slice(position.start, position.end)) === normalizeLineEndings(annotation.quote.exact);
        resolution = { state: stillSame ? 'exact' : 'fuzzy', start: position.start, end: position.end };
      }
      this.anchors.set(annotation.id, resolution);
      if (position.start !== annotation.position.start || position.end !== annotation.position.end) {
        this.setAnnotation({ ...annotation, position });
      }
    }
    this.changes.fire({ reason: 'anchors' });
  }

  /** Reads the file and merges it into memory, keeping unsaved local changes. Call it from a file watcher. */
  reloadFromDisk(): Promise<void> {
    return this.enqueue(async () => {
      const disk = await this.readDisk();
      this.diskIdentity = disk.identity;
      if (disk.unreadable === undefined && disk.text === this.diskText) return;
      const wasReadOnly = this.readOnly;
      this.absorb(disk, parseDisk(disk));
      this.changes.fire({ reason: 'disk' });
      if (wasReadOnly !== this.readOnly) this.changes.fire({ reason: 'readOnly' });
    });
  }

  /**
   * Writes memory to the file: re-reads it first, merges what changed on disk since the last read,
   * and replaces the file atomically. Never writes over a file that cannot be parsed, is newer, or
   * has conflict markers: then the changes stay pending and the result says why.
   * @param options.createEmpty Write the file even when there is none and no annotations (to open it).
   */
  save(options: { createEmpty?: boolean } = {}): Promise<SaveResult> {
    return this.enqueue(() => this.saveNow(options.createEmpty ?? false));
  }

  /**
   * Accepts {@link conflictProposal}: merges local pending changes into it and writes it.
   * Refuses (blocked) when the file changed since the proposal was made; a new proposal is then ready.
   */
  acceptConflictResolution(): Promise<SaveResult> {
    return this.enqueue(async () => {
      const proposal = this.proposal;
      if (!proposal) return blocked('There is no conflict to resolve.');
      const disk = await this.readDisk();
      if (disk.text !== proposal.diskText) {
        this.absorb(disk, parseDisk(disk));
        this.changes.fire({ reason: 'disk' });
        return blocked(`${this.relativeFilePath} changed on disk since the proposal was made; review the new state.`);
      }
      const snapshotRevision = this.revision;
      const snapshot = this.currentFile();
      const merged = mergeAnnotationFiles(this.base, snapshot, proposal.merged);
      return (await this.write(merged, disk, snapshot, snapshotRevision)) ?? blocked(`${this.relativeFilePath} changed on disk while writing; review the new state.`);
    });
  }

  private async saveNow(createEmpty: boolean): Promise<SaveResult> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const snapshotRevision = this.revision;
      const snapshot = this.currentFile();
      // The same file version as last read needs no reading again.
      const identity = await fileIdentity(this.filePath).catch(() => undefined);
      const unchanged = identity !== undefined && identity === this.diskIdentity && this.diskText !== undefined;
      const disk: DiskState = unchanged ? { text: this.diskText as string | null, identity: identity as string | null } : await this.readDisk();
      const changedOnDisk = disk.unreadable !== undefined || disk.text !== this.diskText;
      if (!changedOnDisk && this.readOnly !== undefined) return blocked(this.readOnly);
      let merged = snapshot;
      if (changedOnDisk) {
        const parsed = parseDisk(disk);
        if (parsed.kind !== 'ok') {
          this.absorb(disk, parsed);
          this.changes.fire({ reason: 'readOnly' });
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
    const text = serializeAnnotationFile(merged);
    let kind: 'written' | 'unchanged' = 'unchanged';
    let identity = diskBefore.identity;
    // No file and nothing to put in it: leave the workspace alone unless asked to create it.
    const needless = diskBefore.text === null && merged.annotations.length === 0 && !createEmpty;
    if (text !== diskBefore.text && !needless) {
      let written: string | null;
      try {
        written = await writeFileAtomic(this.filePath, text, async () => (await fileIdentity(this.filePath)) === diskBefore.identity);
      } catch (error) {
        return blocked(`Could not write ${this.filePath}: ${error instanceof Error ? error.message : String(error)}. Your changes are kept.`);
      }
      if (written === null) return undefined;
      kind = 'written';
      identity = written;
    }
    const wasReadOnly = this.readOnly;
    this.diskText = kind === 'written' ? text : diskBefore.text;
    this.diskIdentity = identity;
    this.base = merged;
    this.readOnly = undefined;
    this.proposal = undefined;
    // Keep what changed in memory while the file was being written. (Memory is already the merge
    // when nothing changed meanwhile and nothing came from disk.)
    if (this.revision !== snapshotRevision) this.replaceCurrent(mergeAnnotationFiles(snapshot, this.currentFile(), merged).annotations);
    else if (merged !== snapshot) this.replaceCurrent(merged.annotations);
    this.changes.fire({ reason: 'saved' });
    if (wasReadOnly !== undefined) this.changes.fire({ reason: 'readOnly' });
    return { kind, saved: true };
  }

  /** Takes a disk state into memory: merges it when readable, otherwise turns read-only. */
  private absorb(disk: DiskState, parsed: ParseResult): void {
    this.diskText = disk.text;
    this.diskIdentity = disk.identity;
    this.proposal = undefined;
    if (parsed.kind === 'ok' || (parsed.kind === 'newer' && parsed.file)) {
      const file = parsed.file as AnnotationFile;
      const nothingYet = this.base === null && this.current.size === 0;
      this.replaceCurrent(nothingYet ? file.annotations : mergeAnnotationFiles(this.base, this.currentFile(), file).annotations);
      this.base = file;
      this.readOnly = parsed.kind === 'ok' ? undefined : describeUnwritable(parsed, this.relativeFilePath);
      return;
    }
    this.readOnly = describeUnwritable(parsed, this.relativeFilePath);
    if (parsed.kind === 'conflicted' && disk.text !== null) {
      const resolution = resolveConflictMarkers(disk.text);
      if ('error' in resolution) this.readOnly = `${this.readOnly} It cannot be resolved automatically: ${resolution.error}.`;
      else this.proposal = { ...resolution, diskText: disk.text };
    }
  }

  /** The file as on disk now; a file that cannot be read at all becomes an `unreadable` state. */
  private async readDisk(): Promise<DiskState> {
    try {
      return await readTextWithIdentity(this.filePath);
    } catch (error) {
      return { text: null, identity: null, unreadable: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` };
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

  private replaceCurrent(annotations: readonly Annotation[]): void {
    this.current = new Map(annotations.map((a) => [a.id, a]));
    for (const id of this.anchors.keys()) {
      if (!this.current.has(id)) this.anchors.delete(id);
    }
    this.touch();
  }

  private setAnnotation(annotation: Annotation): void {
    this.current.set(annotation.id, annotation);
    this.touch();
  }

  private touch(): void {
    this.sorted = undefined;
    this.revision += 1;
  }

  private withPosition(annotation: Annotation, resolution: AnchorResolution): Annotation {
    if (resolution.state === 'orphaned') return annotation;
    if (resolution.start === annotation.position.start && resolution.end === annotation.position.end) return annotation;
    const moved = { ...annotation, position: { start: resolution.start, end: resolution.end } };
    this.setAnnotation(moved);
    return moved;
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
