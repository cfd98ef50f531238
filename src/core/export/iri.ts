/**
 * IRIs for exported resources. W3C targets and ClaimReview URLs must be absolute IRIs, so a
 * workspace-relative path becomes either an address below a configured base (the repository's
 * web address) or a `urn:ainews:` name of the path when no base is configured.
 */

/**
 * Checks a configured base address.
 * @returns A message saying what is wrong, or null when it is an absolute http(s) address.
 */
export function baseIriProblem(baseIri: string): string | null {
  let url: URL;
  try {
    url = new URL(baseIri);
  } catch {
    return `base IRI '${baseIri}' is not an absolute address (e.g. https://github.com/team/news/blob/main/)`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `base IRI '${baseIri}' must be an http(s) address`;
  if (url.search || url.hash) return `base IRI '${baseIri}' must not have a query or fragment`;
  return null;
}

/** Percent-encodes each segment of a /-separated path, keeping the separators. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The base with exactly one trailing slash, so relative paths resolve below it. */
function withSlash(baseIri: string): string {
  return baseIri.endsWith('/') ? baseIri : `${baseIri}/`;
}

/** The IRI of an article: `<base>/<path>` or `urn:ainews:article:<path>`. */
export function articleIri(path: string, baseIri?: string): string {
  return baseIri ? new URL(`./${encodePath(path)}`, withSlash(baseIri)).href : `urn:ainews:article:${encodePath(path)}`;
}

/** The IRI of the annotation file, which is also the exported collection's. */
export function collectionIri(baseIri?: string): string {
  return baseIri ? new URL('.ainews/annotations.json', withSlash(baseIri)).href : 'urn:ainews:annotations';
}

/** The IRI of one annotation: a fragment of the annotation file, or `urn:ainews:annotation:<id>`. */
export function annotationIri(id: string, baseIri?: string): string {
  return baseIri ? `${collectionIri(baseIri)}#${encodeURIComponent(id)}` : `urn:ainews:annotation:${encodeURIComponent(id)}`;
}

/** The IRI of the (single) page of the exported collection. */
export function pageIri(baseIri?: string): string {
  return baseIri ? `${collectionIri(baseIri)}#page-1` : 'urn:ainews:annotations:page:1';
}
