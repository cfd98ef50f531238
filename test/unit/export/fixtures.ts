/** Test helpers: the fixture workspace under test/fixtures/export, read through the real modules. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExportInput } from '../../../src/core/export';
import { parseAnnotationFile } from '../../../src/core/store';
import { listArticles, readArticle } from '../../../src/core/workspace';

/** The folder test/fixtures/export, found upwards from the running (bundled) test file, else from the current folder. */
export function exportFixtures(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; dirname(dir) !== dir; dir = dirname(dir)) {
      const candidate = join(dir, 'test', 'fixtures', 'export');
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new Error(`test/fixtures/export not found above ${__dirname} or ${process.cwd()}`);
}

/** The fixture workspace folder: four seed articles, one with emoji, and .ainews/annotations.json. */
export function workspaceRoot(): string {
  return join(exportFixtures(), 'workspace');
}

/** A fixed "now" for review flags: after some reviewBy dates, before others. */
export const NOW = new Date('2025-06-01T12:00:00.000Z');

/** Reads the fixture workspace as an export input. */
export async function loadFixtureWorkspace(): Promise<ExportInput> {
  const root = workspaceRoot();
  const parsed = parseAnnotationFile(readFileSync(join(root, '.ainews', 'annotations.json'), 'utf8'));
  if (parsed.kind !== 'ok') throw new Error(`fixture annotation file: ${parsed.kind}`);
  const articles = [];
  for (const path of await listArticles(root)) {
    const read = await readArticle(root, path);
    if (read.kind !== 'ok') throw new Error(read.message);
    articles.push({ path, text: read.text });
  }
  return { articles, annotations: parsed.file.annotations };
}

/** The private annotation's note and evidence: they must never appear in an export. */
export const PRIVATE_NOTE = 'PRIVATE-SOURCE Informantin M., Tel. 0171-5550199';
export const PRIVATE_EVIDENCE = 'https://intranet.example/secret-dossier-4711';
