/**
 * Checks archived evidence: every `evidence[].archive` names a file in the workspace and the sha256 of
 * its bytes. A copy that is missing or whose bytes changed can no longer prove what the verdict
 * says it proves; evidence without an archived copy may rot. Reads files, writes nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { evidenceUrl, type Annotation } from '../store/annotation';

/**
 * - `archived`: the saved copy is there and hashes as recorded.
 * - `missing`: the saved copy is not there (or cannot be read).
 * - `changed`: the saved copy's bytes differ from the recorded hash.
 * - `not-archived`: a link or reference without a saved copy.
 */
export type ArchiveState = 'archived' | 'missing' | 'changed' | 'not-archived';

export interface EvidenceCheck {
  url: string;
  state: ArchiveState;
  /** The saved copy's path, for archived items. */
  file?: string;
}

/** The sha256 (hex) of a file's bytes, streamed; null when it cannot be read. */
export async function fileSha256(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', () => resolve(null));
  });
}

/**
 * Checks each evidence item of an annotation.
 * @param root The workspace folder that archive paths are relative to.
 * @param annotation The annotation (archive paths were validated as workspace-relative when read).
 * @param hashes Hashes already computed in this run, by path (several annotations often share a copy).
 */
export async function verifyEvidence(root: string, annotation: Annotation, hashes = new Map<string, Promise<string | null>>()): Promise<EvidenceCheck[]> {
  const checks: EvidenceCheck[] = [];
  for (const item of annotation.evidence ?? []) {
    const url = evidenceUrl(item);
    if (typeof item === 'string' || item.archive === undefined) {
      checks.push({ url, state: 'not-archived' });
      continue;
    }
    const { file, sha256 } = item.archive;
    let pending = hashes.get(file);
    if (!pending) {
      pending = fileSha256(join(root, ...file.split('/')));
      hashes.set(file, pending);
    }
    const actual = await pending;
    checks.push({ url, state: actual === null ? 'missing' : actual === sha256.toLowerCase() ? 'archived' : 'changed', file });
  }
  return checks;
}
