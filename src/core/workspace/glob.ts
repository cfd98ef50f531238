/** Minimal glob matching for workspace-relative paths with / separators: `**`, `*` and `?`. */

/**
 * Compiles a glob into a regular expression over a whole relative path.
 * `**` matches any number of path segments (including none), `*` anything within one segment,
 * `?` one character other than `/`; a pattern ending in `/**` matches everything below the folder.
 * @param glob e.g. "articles/**" or "seeds/*.txt".
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const atSegmentEnd = glob[i + 2] === '/' || i + 2 === glob.length;
      if (atSegmentEnd && glob[i + 2] === '/') {
        source += '(?:[^/]*/)*'; // "**/" : zero or more whole segments
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/**
 * The folder a glob can only match below ("articles/2025/*.md" → "articles/2025"), so a
 * listing can start there instead of walking the whole workspace.
 */
export function staticPrefix(glob: string): string {
  const segments = glob.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/');
}
