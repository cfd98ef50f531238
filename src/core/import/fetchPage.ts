/**
 * Fetches one web page, and only that page: no images, scripts or styles are requested. Bounded:
 * an overall timeout, a size limit (also after decompression) and at most five redirects. Uses
 * node's http/https, which VS Code's extension host routes through the `http.proxy` setting.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as zlib from 'node:zlib';

/** The largest page we import: a news article is far below; a bigger answer is not an article. */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024;

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Cancels the request (the editor's progress notification has a Cancel button). */
  signal?: AbortSignal;
  /** The Accept header: a web page by default; evidence takes any type. */
  accept?: string;
  /** Says in the User-Agent header what the request is for. */
  purpose?: string;
}

export interface FetchedPage {
  bytes: Uint8Array;
  contentType: string | undefined;
  /** The address after redirects. */
  url: string;
}

/** Why a fetch failed, worded for the user. */
export class FetchFailure extends Error {}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const MAX_REDIRECTS = 5;

const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';
const PAGE_PURPOSE = 'article import; one page, no assets';

const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: 'the host name cannot be resolved (offline, or a typo in the address?)',
  EAI_AGAIN: 'the host name cannot be resolved right now (offline?)',
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the server closed the connection',
  EHOSTUNREACH: 'the host cannot be reached (offline?)',
  ENETUNREACH: 'the network cannot be reached (offline?)',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
};

/** Checks that an address is one we may fetch: http or https only. */
export function parseWebAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchFailure(`'${address}' is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchFailure(`only http and https addresses can be fetched, not ${url.protocol}`);
  return url;
}

function decompressor(encoding: string | undefined): NodeJS.ReadWriteStream | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/** One request, no redirects followed: resolves to the response or to the next address. */
function requestOnce(url: URL, options: Required<Omit<FetchOptions, 'signal'>> & { signal: AbortSignal }): Promise<FetchedPage | { redirect: URL }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, {
      signal: options.signal,
      headers: {
        'accept': options.accept,
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': `ai-news-annotator (${options.purpose})`,
      },
    }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        try {
          resolve({ redirect: new URL(response.headers.location, url) });
        } catch {
          reject(new FetchFailure(`the server redirected to an invalid address '${response.headers.location}'`));
        }
        return;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        reject(new FetchFailure(`the server answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`));
        return;
      }
      const announced = Number(response.headers['content-length']);
      if (Number.isFinite(announced) && announced > options.maxBytes) {
        response.destroy();
        reject(new FetchFailure(`the page is ${(announced / 1024 / 1024).toFixed(1)} MB, over the ${options.maxBytes / 1024 / 1024} MB limit`));
        return;
      }
      const unpack = decompressor(response.headers['content-encoding']);
      const body: NodeJS.ReadableStream = unpack ? response.pipe(unpack) : response;
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          response.destroy();
          reject(new FetchFailure(`the page is over the ${options.maxBytes / 1024 / 1024} MB limit`));
          return;
        }
        chunks.push(chunk);
      });
      body.on('error', (error: Error) => reject(new FetchFailure(`the page could not be read: ${error.message}`)));
      body.on('end', () => resolve({ bytes: Buffer.concat(chunks), contentType: response.headers['content-type'], url: url.href }));
    });
    request.on('error', reject);
  });
}

function describeFailure(error: unknown, address: string, timedOut: boolean, cancelled: boolean): FetchFailure {
  if (error instanceof FetchFailure) return error;
  if (cancelled) return new FetchFailure('cancelled');
  if (timedOut) return new FetchFailure(`no complete answer from ${new URL(address).host} within the time limit`);
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new FetchFailure(NETWORK_REASONS[code] ?? (error instanceof Error ? error.message : String(error)));
}

/**
 * Fetches a page.
 * @throws FetchFailure with a reason for the user (offline, refused, timed out, too large, an HTTP
 *   error status, too many redirects)
 */
export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const limits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_PAGE_BYTES,
    maxRedirects: options.maxRedirects ?? MAX_REDIRECTS,
    accept: options.accept ?? PAGE_ACCEPT,
    purpose: options.purpose ?? PAGE_PURPOSE,
  };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const onCancel = () => controller.abort();
  options.signal?.addEventListener('abort', onCancel);
  let url = parseWebAddress(address);
  try {
    for (let redirects = 0; ; redirects++) {
      const answer = await requestOnce(url, { ...limits, signal: controller.signal });
      if (!('redirect' in answer)) return answer;
      if (redirects >= limits.maxRedirects) throw new FetchFailure(`more than ${limits.maxRedirects} redirects`);
      url = parseWebAddress(answer.redirect.href);
    }
  } catch (error) {
    throw describeFailure(error, url.href, timedOut, options.signal?.aborted === true);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}
