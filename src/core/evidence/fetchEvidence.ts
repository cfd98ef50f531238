/**
 * Fetches evidence from the web and archives it: one request (redirects followed, bounded), any
 * content type, the size limit enforced while the answer streams in. Node's http/https, which VS
 * Code's extension host routes through the user's proxy settings (`http.proxy`, `http.proxySupport`).
 */
import { fetchPage, type FetchOptions } from '../import/fetchPage';
import type { EvidenceArchive } from '../store/annotation';
import { archiveBytes, DEFAULT_MAX_ARCHIVE_BYTES } from './archive';

export interface FetchedEvidence {
  archive: EvidenceArchive;
  /** The address after redirects. */
  finalUrl: string;
}

export type EvidenceFetchOptions = Pick<FetchOptions, 'timeoutMs' | 'maxBytes' | 'maxRedirects' | 'signal'> & {
  /** The fetch time recorded in the archive; default: when the answer arrived. */
  now?: () => Date;
};

/**
 * Fetches an address and saves what it answers as an archived copy in the workspace.
 * @param root The workspace folder.
 * @throws FetchFailure (offline, HTTP status, too large, timeout, not http/https, cancelled) or
 *   ArchiveRefusal, each with a message for the user.
 */
export async function fetchAndArchive(root: string, address: string, options: EvidenceFetchOptions = {}): Promise<FetchedEvidence> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARCHIVE_BYTES;
  const page = await fetchPage(address, { ...options, maxBytes, accept: '*/*', purpose: 'evidence archive; one file, no assets' });
  const fetched = options.now?.() ?? new Date();
  const archive = await archiveBytes(root, page.bytes, page.contentType, { maxBytes, fetched });
  return { archive, finalUrl: page.url };
}
