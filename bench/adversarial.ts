/**
 * Bench section `adversarial`: inputs that break naive scanners and parsers, each at 1 MB and 2 MB,
 * each analysed in a process of its own so that its time and peak memory (resident set) are its
 * own (the fastest of three runs). Baseline in the same run: the seeds repeated to the same size,
 * analysed the same way.
 *
 * Targets (issue 16): every input up to 2 MB finishes in under 10 s with at most 1 GB peak memory,
 * and 2 MB takes at most 2.3x as long as 1 MB.
 */
import { execFile } from 'node:child_process';
import type { BenchSection } from './bench';
import { seedTexts } from './shared';
import { analyze, defaultLexicon } from '../src/core/analysis';

const MB = 1 << 20;
const TIME_LIMIT_MS = 10_000;
const MEMORY_LIMIT_MB = 1024;
const GROWTH_LIMIT = 2.3;
/** A child still running after this is killed and reported as such. */
const KILL_AFTER_MS = 60_000;
/** The argument that makes bench.js measure one input in this process (see bench.ts). */
export const CHILD_MODE = 'adversarial-input';

/** The seeds repeated, separated by blank lines, cut to `size` characters. */
function repeatedSeeds(size: number): string {
  const seeds = seedTexts();
  let text = '';
  for (let i = 0; text.length < size; i++) text += `${seeds[i % seeds.length]}\n\n`;
  return text.slice(0, size);
}

function repeat(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The inputs by name; each makes a text of `size` UTF-16 units. */
const INPUTS: Record<string, (size: number) => string> = {
  'seeds repeated (baseline)': repeatedSeeds,
  'one paragraph (no line breaks)': (size) => repeatedSeeds(size + 4096).replace(/\s+/g, ' ').slice(0, size),
  'digits only': (size) => repeat('1234567890', size),
  'no spaces': (size) => repeatedSeeds(size * 2).replace(/\s+/g, '').slice(0, size),
  'dots': (size) => repeat('.', size),
  'quote markers >': (size) => repeat('>', size),
  'list markers - - -': (size) => repeat('- ', size),
  'brackets [': (size) => repeat('[', size),
  'image openers ![': (size) => repeat('![', size),
  'alternating emphasis *a_': (size) => repeat('*a_', size),
  'underscore words a_b_c': (size) => repeat('a_b_c ', size),
  'backticks': (size) => repeat('`a', size),
  'link definitions': (size) => repeat('[a]: b\n', size),
};

/** Child mode: analyse one input and print its time and this process's peak memory as JSON. */
export function measureOneInput(name: string, size: number): void {
  const make = INPUTS[name];
  if (!make) throw new Error(`unknown adversarial input "${name}"`);
  const text = make(size);
  const lexicon = defaultLexicon();
  const started = performance.now();
  analyze(text, { lexicon });
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

type Measured = { ms: number; peakMb: number } | { failed: string };

function measureInChild(name: string, size: number): Promise<Measured> {
  return new Promise((resolve) => {
    execFile(process.execPath, [process.argv[1], CHILD_MODE, name, String(size)], { timeout: KILL_AFTER_MS, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        const killed = (error as { killed?: boolean }).killed;
        resolve({ failed: killed ? `killed after ${KILL_AFTER_MS / 1000} s` : `crashed: ${(stderr.trim().split('\n').find((l) => /Error/.test(l)) ?? error.message).slice(0, 80)}` });
        return;
      }
      resolve(JSON.parse(stdout) as Measured);
    });
  });
}

/** Fastest of up to three runs (the machine is shared: the fastest is the input's own cost); one run when it is slow. */
async function measureBest(name: string, size: number): Promise<Measured> {
  let best = await measureInChild(name, size);
  for (let run = 1; run < 3 && !("failed" in best) && best.ms < 15_000; run++) {
    const next = await measureInChild(name, size);
    if (!('failed' in next) && next.ms < best.ms) best = next;
  }
  return best;
}

function cell(m: Measured): string {
  return 'failed' in m ? m.failed : `${m.ms.toFixed(0)} ms, ${m.peakMb.toFixed(0)} MB`;
}

/** Below this, a growth ratio is noise of the shared machine, not a property of the input. */
const TOO_FAST_TO_COMPARE_MS = 250;

function verdict(one: Measured, two: Measured): string {
  if ('failed' in one || 'failed' in two) return 'MISSED';
  if (two.ms < TOO_FAST_TO_COMPARE_MS) return two.peakMb <= MEMORY_LIMIT_MB ? `ok (under ${TOO_FAST_TO_COMPARE_MS} ms)` : 'MISSED';
  const growth = two.ms / one.ms;
  const ok = growth <= GROWTH_LIMIT && two.ms < TIME_LIMIT_MS && two.peakMb <= MEMORY_LIMIT_MB;
  return `${growth.toFixed(2)}x ${ok ? 'ok' : 'MISSED'}`;
}

export const adversarialBench: BenchSection = {
  name: 'adversarial',
  async run() {
    // Nothing is warmed up: each child starts cold, the baseline too.
    const only = process.argv[3];
    const header = ['input', '1 MB (time, peak memory)', '2 MB (time, peak memory)', `growth (target <= ${GROWTH_LIMIT}x, < 10 s, <= 1 GB)`];
    const rows: string[][] = [];
    for (const name of Object.keys(INPUTS)) {
      if (only && !name.includes(only)) continue;
      const one = await measureBest(name, MB);
      const two = await measureBest(name, 2 * MB);
      rows.push([name, cell(one), cell(two), verdict(one, two)]);
      // Progress on stderr (a run takes minutes); the table on stdout at the end.
      process.stderr.write(`${name}: ${rows[rows.length - 1].slice(1).join(', ')}\n`);
    }
    console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`);
  },
};
