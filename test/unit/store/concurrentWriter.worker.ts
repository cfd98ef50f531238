/**
 * One writer process for the concurrent-save tests: opens the store of a folder, adds one annotation
 * and saves, `count` times, and prints the ids whose save reported success (one JSON line).
 * Run as: node concurrentWriter.worker.js FOLDER NAME COUNT
 */
import { makeQuote } from '../../../src/core/store/anchor';
import { AnnotationStore } from '../../../src/core/store/annotationStore';

const TEXT = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o in 12 von 14 Benchmarks.';

async function main(): Promise<void> {
  const [folder, name, countText] = process.argv.slice(2);
  const store = await AnnotationStore.open(folder, undefined, { author: name });
  const saved: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < Number(countText); i += 1) {
    const start = i % 40;
    const annotation = store.add({ article: `articles/${name}.md`, status: 'verified', quote: makeQuote(TEXT, start, start + 8), position: { start, end: start + 8 }, note: `${name} ${i}` });
    const result = await store.save();
    if (result.saved) saved.push(annotation.id);
    else problems.push(result.reason);
  }
  const missing = saved.filter((id) => store.get(id) === undefined);
  process.stdout.write(`${JSON.stringify({ saved, problems, missingFromMemory: missing })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
