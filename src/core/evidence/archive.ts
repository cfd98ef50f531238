/**
 * Archives a copy of evidence in the workspace, so that a verdict's source cannot rot: the bytes of a
 * fetched page or of a local file are saved as `.ainews/evidence/<sha256>.<ext>` and described by an
 * archive record `{file, sha256, fetched, contentType}` (the annotation file's contract).
 *
 * - The file name is the content's hash: the same content of the same type is one file, whoever
 *   archived it and from wherever, and two clones that archive the same page add the same file to git.
 * - The extension comes only from an allowlist of content types, else it is `bin`: never from the
 *   address or the file name, so that a download cannot become `<sha256>.exe` (or `.hta`, `.js`,
 *   `.desktop`) that a system would run when asked to open it.
 * - An archive record is trusted only when its file is `.ainews/evidence/<sha256>.<ext>` of its own
 *   hash and an allowlisted extension ({@link archiveFileProblem}): the file comes through git from
 *   other people, and could otherwise name any file of the workspace.
 * - The write is atomic (a temporary file, then a rename) and goes through the workspace guards:
 *   a `.ainews/evidence` that resolves outside the folder is refused.
 * - Bigger than the size limit: refused with the sizes, before anything is written.
 */
import { basename, extname } from 'node:path';
import type { EvidenceArchive } from '../store/annotation';
import { writeFileAtomic } from '../store/fileIo';
import { formatBytes, readRegularFile, resolveInsideWorkspace } from '../workspace/guardedRead';
import { hashWorkspaceFile, sha256Hex } from './hashFile';

/** Where archived copies live, relative to the workspace folder. */
export const ARCHIVE_FOLDER = '.ainews/evidence';
/** The default size limit of one archived copy (the setting `aiNews.evidence.maxArchiveSizeMB`). */
export const DEFAULT_MAX_ARCHIVE_BYTES = 20 * 1024 * 1024;
/** What an unknown content is called. */
export const UNKNOWN_CONTENT_TYPE = 'application/octet-stream';

/** Why evidence was not archived; the message is meant for the user as it is. */
export class ArchiveRefusal extends Error {}

/** File extensions of the content types evidence usually has; the first extension of a type is the one written. */
const EXTENSIONS: readonly (readonly [string, readonly string[]])[] = [
  ['text/html', ['html', 'htm']],
  ['application/xhtml+xml', ['xhtml']],
  ['text/plain', ['txt', 'text']],
  ['text/markdown', ['md', 'markdown']],
  ['text/csv', ['csv']],
  ['application/json', ['json']],
  ['application/xml', ['xml']],
  ['text/xml', ['xml']],
  ['application/pdf', ['pdf']],
  ['image/png', ['png']],
  ['image/jpeg', ['jpg', 'jpeg']],
  ['image/gif', ['gif']],
  ['image/webp', ['webp']],
  ['image/svg+xml', ['svg']],
  ['message/rfc822', ['eml']],
];

const SAFE_EXTENSION = /^[a-z0-9]{1,10}$/;

/** The media type of a Content-Type header, lower case, without parameters ("text/html"). */
export function mediaType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

/** The extension of a file name when it is a safe one (letters and digits), lower case. */
function safeExtensionOf(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const extension = extname(fileName).slice(1).toLowerCase();
  return SAFE_EXTENSION.test(extension) ? extension : undefined;
}

/** The extension an archived copy gets: the first one of its content type in the allowlist, else `bin`. */
export function archiveExtension(contentType: string): string {
  const known = EXTENSIONS.find(([type]) => type === mediaType(contentType));
  return known?.[1][0] ?? 'bin';
}

/** The extensions an archived copy may have: those {@link archiveExtension} gives. */
const ARCHIVE_EXTENSIONS: ReadonlySet<string> = new Set([...EXTENSIONS.map(([, extensions]) => extensions[0]), 'bin']);
const ARCHIVE_FILE = /^\.ainews\/evidence\/([0-9a-f]{64})\.([a-z0-9]{1,10})$/;

/**
 * Why an archive record names no archived copy, or undefined when it does: its file must be
 * `.ainews/evidence/<sha256>.<ext>` with the record's own sha256 and an allowlisted extension.
 * Records come through git from other people; anything else could point at any file of the
 * workspace (a script, a build output) and have the editor hand it to the system.
 */
export function archiveFileProblem(archive: Pick<EvidenceArchive, 'file' | 'sha256'>): string | undefined {
  const match = ARCHIVE_FILE.exec(archive.file);
  if (!match || !ARCHIVE_EXTENSIONS.has(match[2])) {
    return `is not an archived copy: those are ${ARCHIVE_FOLDER}/<sha256>.<ext>, ext one of ${[...ARCHIVE_EXTENSIONS].join(', ')}`;
  }
  if (match[1] !== archive.sha256.toLowerCase()) return 'is not named by the sha256 recorded for it';
  return undefined;
}

/**
 * How the editor may show an archived copy (whose name passed {@link archiveFileProblem}):
 * - `text`: as its source in a read-only editor (whatever the extension: nothing runs);
 * - `image`: in VS Code's image preview;
 * - `external`: in the system's default app, only for types whose apps show rather than run (PDF),
 *   and only when the extension is the one of the content type (the system picks the app by it);
 * - `reveal`: anything else; the editor offers to show the file in the system's file explorer.
 */
export type ArchiveOpening = 'text' | 'image' | 'external' | 'reveal';

const PREVIEW_IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['png', 'jpg', 'gif', 'webp', 'svg']);
const EXTERNAL_EXTENSIONS: ReadonlySet<string> = new Set(['pdf']);

export function archiveOpening(archive: Pick<EvidenceArchive, 'file' | 'contentType'>): ArchiveOpening {
  if (isTextContent(archive.contentType)) return 'text';
  const extension = archive.file.slice(archive.file.lastIndexOf('.') + 1);
  if (extension !== archiveExtension(archive.contentType)) return 'reveal';
  if (PREVIEW_IMAGE_EXTENSIONS.has(extension)) return 'image';
  return EXTERNAL_EXTENSIONS.has(extension) ? 'external' : 'reveal';
}

/** The content type of a local file, by its extension; unknown ones are `application/octet-stream`. */
export function contentTypeOfFile(fileName: string): string {
  const extension = safeExtensionOf(fileName);
  const known = extension && EXTENSIONS.find(([, extensions]) => extensions.includes(extension));
  if (!known) return UNKNOWN_CONTENT_TYPE;
  return known[0].startsWith('text/') ? `${known[0]}; charset=utf-8` : known[0];
}

/** Whether an archived copy of this type is text that an editor may show as it is (html as its source). */
export function isTextContent(contentType: string): boolean {
  const type = mediaType(contentType);
  return type.startsWith('text/') || type === 'application/json' || type === 'application/xml' || type === 'application/xhtml+xml' || type === 'message/rfc822';
}

export interface ArchiveOptions {
  /** Refused when larger; default {@link DEFAULT_MAX_ARCHIVE_BYTES}. */
  maxBytes?: number;
  /** When the bytes were fetched or read; default now. */
  fetched?: Date;
}

function refuseIfTooLarge(size: number, maxBytes: number, what: string): void {
  if (size > maxBytes) throw new ArchiveRefusal(`${what} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for archived evidence`);
}

/** Whether the archived copy `file` is already there, intact. */
async function isIntactCopy(root: string, file: string, sha256: string): Promise<boolean> {
  const hash = await hashWorkspaceFile(root, file);
  return hash.kind === 'hashed' && hash.sha256 === sha256;
}

/**
 * Saves bytes as an archived copy, or finds the copy already saved.
 * @param root The workspace folder.
 * @param contentType As the server sent it (parameters such as the charset are kept); empty: unknown.
 * @throws ArchiveRefusal when too large or when the archive folder is not inside the workspace.
 */
export async function archiveBytes(root: string, bytes: Uint8Array, contentType: string | undefined, options: ArchiveOptions = {}): Promise<EvidenceArchive> {
  refuseIfTooLarge(bytes.length, options.maxBytes ?? DEFAULT_MAX_ARCHIVE_BYTES, 'the copy');
  const type = contentType?.trim() || UNKNOWN_CONTENT_TYPE;
  const sha256 = sha256Hex(bytes);
  const fetched = (options.fetched ?? new Date()).toISOString();
  const file = `${ARCHIVE_FOLDER}/${sha256}.${archiveExtension(type)}`;
  if (await isIntactCopy(root, file, sha256)) return { file, sha256, fetched, contentType: type };
  const where = await resolveInsideWorkspace(root, file);
  if (where.kind === 'refused') throw new ArchiveRefusal(`evidence cannot be archived: ${where.message}`);
  await writeFileAtomic(where.realPath, bytes);
  return { file, sha256, fetched, contentType: type };
}

/**
 * Archives a local file the user chose (a saved mail, a PDF, a screenshot): read as a regular file
 * within the size limit, then saved like fetched bytes.
 * @param path Absolute path of the file.
 */
export async function archiveLocalFile(root: string, path: string, options: ArchiveOptions = {}): Promise<EvidenceArchive> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARCHIVE_BYTES;
  const read = await readRegularFile(path, maxBytes, basename(path));
  if (read.kind === 'missing') throw new ArchiveRefusal(`${basename(path)}: no such file`);
  if (read.kind === 'refused') throw new ArchiveRefusal(read.message.replace(/ limit$/, ' limit for archived evidence'));
  return archiveBytes(root, read.bytes, contentTypeOfFile(path), options);
}
