/**
 * `ai-news-annotator import [--out PATH] SOURCE...`: web pages (http/https) and saved .html/.htm
 * files in, clean markdown articles with their provenance out. A contract scripts rely on: one
 * written path per imported SOURCE on stdout, one `SOURCE: reason` line on stderr per failure.
 */
import { resolve } from 'node:path';
import { runCommand, UsageError } from './commandLine';
import { forTerminal } from './terminal';

const DEFAULT_FOLDER = 'articles';
const DEFAULT_TIMEOUT_SECONDS = 20;
const DEFAULT_EXTRACT_TIMEOUT_SECONDS = 60;

const IMPORT_USAGE = `Usage: ai-news-annotator import [--out PATH] SOURCE...

Imports web pages as markdown articles: the main text (no navigation, ads, cookie banners, share
buttons, comments, scripts, forms or images loaded from the network), with YAML front matter that
records title, source, canonical address, fetched, published, author, outlet, lang, the sha256 of
the page's bytes and the extractor.

SOURCE is an http(s) address (fetched once, nothing else requested) or a saved .html/.htm file
(read from disk, never touching the network).

Options:
  --out PATH       a .md file to write (one SOURCE only), or a folder (default: ${DEFAULT_FOLDER}/)
                   where each article is named <published or fetched date>-<title>.md;
                   an existing file is never overwritten
  --timeout S      give up on a web address after S seconds (default ${DEFAULT_TIMEOUT_SECONDS})
  --extract-timeout S
                   give up extracting the article from one page after S seconds
                   (default ${DEFAULT_EXTRACT_TIMEOUT_SECONDS})
  -h, --help       show this help

Pages over 10 MB and pages that are not HTML are refused; at most 5 redirects are followed.
A page nested more than 128 elements deep or with more than 20,000 elements is flattened and
taken without Readability (the front matter then names the fallback extractor).
Prints the path written for each SOURCE. Exit codes: 0 all imported, 1 a source failed (the
others are still imported), 2 a usage error.`;

const IMPORT_COMMAND = {
  name: 'import',
  usage: IMPORT_USAGE,
  options: {
    out: { type: 'string' },
    timeout: { type: 'string' },
    'extract-timeout': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: true,
} as const;

function parseTimeout(option: string, value: string | undefined, defaultSeconds: number): number {
  if (value === undefined) return defaultSeconds * 1000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) throw new UsageError(`--${option} must be a number of seconds from 0 to 600, got '${value}'`);
  return seconds * 1000;
}

/**
 * Runs `import`.
 * @param args The arguments after the subcommand's name.
 * @returns The exit code.
 */
export async function runImport(args: string[]): Promise<number> {
  return runCommand(IMPORT_COMMAND, args, async ({ values, positionals: sources }) => {
    if (sources.length === 0) throw new UsageError('name at least one web address or saved .html file');
    const out = values.out ?? DEFAULT_FOLDER;
    if (out === '') throw new UsageError('--out needs a value');
    if (/\.md$/i.test(out) && sources.length > 1) throw new UsageError(`--out ${out} is one file; name a folder to import ${sources.length} sources`);
    const timeoutMs = parseTimeout('timeout', values.timeout, DEFAULT_TIMEOUT_SECONDS);
    const timeLimitMs = parseTimeout('extract-timeout', values['extract-timeout'], DEFAULT_EXTRACT_TIMEOUT_SECONDS);
    // The extraction libraries load only when something is imported.
    const { importInWorker, loadSource, writeImportedArticle } = await import('../core/import/index.js');
    let failed = 0;
    for (const source of sources) {
      try {
        // The extraction runs in a worker (dist/importWorker.js) with a time limit: no page keeps it forever.
        const article = await importInWorker(await loadSource(source, { timeoutMs }), { timeLimitMs });
        process.stdout.write(`${await writeImportedArticle(article, resolve(out))}\n`);
      } catch (error) {
        failed++;
        // The reason may quote the page or the server's answer: shown with its controls escaped.
        process.stderr.write(forTerminal(`ai-news-annotator import: ${source}: ${error instanceof Error ? error.message : String(error)}`) + '\n');
      }
    }
    return failed > 0 ? 1 : 0;
  });
}
