/**
 * Checks archived evidence: every `evidence[].archive` names a file in the workspace and the sha256 of
 * its bytes. A copy that is missing or whose bytes changed can no longer prove what the verdict
 * says it proves; evidence without an archived copy may rot. Reads files (through the workspace
 * guards: never outside the folder or in `.git/`), writes nothing.
 */
import { evidenceUrl, type Annotation } from '../store/annotation';
import { archiveFileProblem } from './archive';
import { hashWorkspaceFile, type FileHash } from './hashFile';

/**
 * - `archived`: the saved copy is there and hashes as recorded.
 * - `missing`: the saved copy is not there, or cannot be read (then `reason` says why: outside the
 *   workspace folder, in `.git/`, not a regular file), or the record names no archived copy
 *   (`reason`: its file is not `.ainews/evidence/<sha256>.<ext>` of its own hash).
 * - `changed`: the saved copy's bytes differ from the recorded hash.
 * - `not-archived`: a link or reference without a saved copy.
 */
export type ArchiveState = 'archived' | 'missing' | 'changed' | 'not-archived';

export interface EvidenceCheck {
  url: string;
  state: ArchiveState;
  /** The saved copy's path, for archived items. */
  file?: string;
  /** Why a saved copy that is there was not read (outside the workspace, not a regular file): state `missing`. */
  reason?: string;
}

/**
 * Checks each evidence item of an annotation.
 * @param root The workspace folder that archive paths are relative to.
 * @param annotation The annotation (archive paths were validated as workspace-relative when read).
 * @param hashes Hashes already computed in this run, by path (several annotations often share a copy).
 */
export async function verifyEvidence(root: string, annotation: Annotation, hashes = new Map<string, Promise<FileHash>>()): Promise<EvidenceCheck[]> {
  const checks: EvidenceCheck[] = [];
  for (const item of annotation.evidence ?? []) {
    const url = evidenceUrl(item);
    if (typeof item === 'string' || item.archive === undefined) {
      checks.push({ url, state: 'not-archived' });
      continue;
    }
    const { file, sha256 } = item.archive;
    const problem = archiveFileProblem(item.archive);
    if (problem) {
      checks.push({ url, state: 'missing', file, reason: problem });
      continue;
    }
    let pending = hashes.get(file);
    if (!pending) {
      pending = hashWorkspaceFile(root, file);
      hashes.set(file, pending);
    }
    const actual = await pending;
    if (actual.kind === 'hashed') checks.push({ url, state: actual.sha256 === sha256.toLowerCase() ? 'archived' : 'changed', file });
    else checks.push({ url, state: 'missing', file, ...(actual.kind === 'refused' ? { reason: actual.reason } : {}) });
  }
  return checks;
}
