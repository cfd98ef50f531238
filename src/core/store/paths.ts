/** Article paths as the file stores them: relative to the workspace folder, `/` separators. */
import { isAbsolute, relative, sep } from 'node:path';

/**
 * The `article` value for a file inside a workspace folder.
 * @param folderPath Absolute path of the workspace folder.
 * @param filePath Absolute path of the article.
 * @returns The relative path with `/` separators, or undefined when the file is not inside the folder.
 */
export function toArticlePath(folderPath: string, filePath: string): string | undefined {
  const rel = relative(folderPath, filePath);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return undefined;
  return rel.split(sep).join('/');
}
