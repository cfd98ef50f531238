/**
 * Full and incremental analysis of an article. The text is pre-split into blocks (blank lines,
 * fences), each block is parsed with remark and analysed on its own, and results are cached per
 * block text with offsets relative to the block: after an edit only the changed block is
 * parsed and analysed again; the others are shifted into place.
 */
import type { Analysis, EntityFinding, Finding, Language } from './types';
import type { Lexicon } from './lexicon';
import type { LearnedName, NameCandidate } from './entities';
import { defaultLexicon } from './lexicon';
import { readArticleDate } from './metadata';
import { countLanguageCues, languageFromCues, type LanguageCues } from './language';
import { splitBlocks } from './blocks';
import { maskProse } from './prose';
import { tokenize } from './tokens';
import { splitSentences } from './sentences';
import { findEntities } from './entities';
import { findNumbers } from './numbers';
import { DEFAULT_CLAIM_THRESHOLD, findClaims } from './claims';

export interface AnalyzeOptions {
  /** Entity lexicon; defaults to the shipped one. */
  lexicon?: Lexicon;
  /** Minimum claim score (0..1) for a sentence to be reported; default 0.45. */
  claimThreshold?: number;
}

/** What one block yields; offsets are relative to the block. */
export interface BlockAnalysis {
  findings: Finding[];
  learned: LearnedName[];
  candidates: NameCandidate[];
}

const KIND_ORDER: Record<Finding['kind'], number> = { claim: 0, entity: 1, number: 2 };

/** Sorts findings by start, containers before contents. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

function withoutOverlaps<T extends Finding>(items: T[], blockers: Finding[]): T[] {
  const kept: T[] = [];
  let b = 0;
  for (const item of items) {
    while (b < blockers.length && blockers[b].end <= item.start) b++;
    let clash = false;
    for (let k = b; k < blockers.length && blockers[k].start < item.end; k++) {
      if (blockers[k].end > item.start) {
        clash = true;
        break;
      }
    }
    if (!clash) kept.push(item);
  }
  return kept;
}

/**
 * Analyses one Markdown block on its own. Offsets in the result are relative to the block.
 * @param block the block's exact text.
 */
export function analyzeBlock(block: string, language: Language, lexicon: Lexicon, claimThreshold: number): BlockAnalysis {
  const { masked, units } = maskProse(block);
  const tokens = tokenize(masked);
  const sentences = splitSentences(masked, units, language);
  const entityScan = findEntities(tokens, masked, language, lexicon, sentences.map((s) => s.start));
  const numbers = withoutOverlaps(findNumbers(tokens, masked, language), entityScan.findings);
  const claims = findClaims(masked, sentences, tokens, numbers, entityScan.findings, language, claimThreshold);
  const findings: Finding[] = [...claims, ...entityScan.findings, ...numbers];
  for (const f of findings) f.text = block.slice(f.start, f.end);
  findings.sort(compareFindings);
  return { findings, learned: entityScan.learned, candidates: entityScan.candidates };
}

interface CachedBlock {
  cues: LanguageCues;
  results: Partial<Record<Language, BlockAnalysis>>;
}

function shift<T extends Finding>(finding: T, offset: number): T {
  return { ...finding, start: finding.start + offset, end: finding.end + offset };
}

/**
 * Re-analyses an article after edits, reusing the results of unchanged blocks.
 * One instance per open document; options are fixed for its lifetime.
 */
export class IncrementalAnalyzer {
  private readonly lexicon: Lexicon;
  private readonly claimThreshold: number;
  private cache = new Map<string, CachedBlock>();

  constructor(options: AnalyzeOptions = {}, private readonly reuse = true) {
    this.lexicon = options.lexicon ?? defaultLexicon();
    this.claimThreshold = options.claimThreshold ?? DEFAULT_CLAIM_THRESHOLD;
  }

  /** Analyses `text`; blocks already seen (in this or the previous version) are not parsed again. */
  analyze(text: string): Analysis {
    const { date, metadataEnd } = readArticleDate(text);
    const blocks = splitBlocks(text, metadataEnd).filter((b) => b.kind === 'markdown');
    const next = new Map<string, CachedBlock>();
    const entries: CachedBlock[] = [];
    const cues: LanguageCues = { de: 0, en: 0 };
    for (const block of blocks) {
      const source = text.slice(block.start, block.end);
      let entry = this.reuse ? next.get(source) ?? this.cache.get(source) : undefined;
      if (!entry) entry = { cues: countLanguageCues(source), results: {} };
      if (this.reuse) next.set(source, entry);
      entries.push(entry);
      cues.de += entry.cues.de;
      cues.en += entry.cues.en;
    }
    const language = languageFromCues(cues);
    const results: BlockAnalysis[] = entries.map((entry, i) => {
      let result = entry.results[language];
      if (!result) {
        result = analyzeBlock(text.slice(blocks[i].start, blocks[i].end), language, this.lexicon, this.claimThreshold);
        entry.results[language] = result;
      }
      return result;
    });
    if (this.reuse) this.cache = next;
    return { language, date, findings: assemble(blocks.map((b) => b.start), results, language) };
  }
}

/**
 * Shifts block results into place and applies what the article as a whole knows: a name learnt
 * from context in one place ("die Tech-Firma Kuaishou", "Kai-Fu Lee") is an entity wherever it recurs.
 */
function assemble(starts: number[], results: BlockAnalysis[], language: Language): Finding[] {
  const learned = new Map<string, LearnedName>();
  for (const result of results) for (const name of result.learned) if (!learned.has(name.text)) learned.set(name.text, name);
  const findings: Finding[] = [];
  results.forEach((result, i) => {
    const offset = starts[i];
    const extra: EntityFinding[] = [];
    if (learned.size) {
      for (const candidate of result.candidates) {
        const stem = language === 'de' && candidate.text.endsWith('s') ? candidate.text.slice(0, -1) : null;
        const name = learned.get(candidate.text) ?? (stem ? learned.get(stem) : undefined);
        if (!name) continue;
        extra.push({ kind: 'entity', type: name.type, start: candidate.start, end: candidate.end, text: candidate.text, canonical: name.canonical });
      }
    }
    const blockFindings = extra.length ? [...result.findings, ...extra].sort(compareFindings) : result.findings;
    for (const f of blockFindings) findings.push(shift(f, offset));
  });
  return findings;
}

/**
 * Analyses an article in full: its language, its date and every number, entity and claim.
 * Offsets are UTF-16 indices into `text`, end exclusive.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return new IncrementalAnalyzer(options, false).analyze(text);
}
