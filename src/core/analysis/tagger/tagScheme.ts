/**
 * The entity tagger's tag schemes. BIO: "B-type" begins a name, "I-type" goes on with it, "O" is no
 * name. BILOU (Ratinov and Roth 2009) adds "L-type" for the last word of a name of several words and
 * "U-type" for a name of one word, so that a tag says where a name ends and what a lone name looks
 * like. A model file without a scheme in its header is BIO.
 */
export type TagScheme = 'bio' | 'bilou';

export const TAG_SCHEMES: readonly TagScheme[] = ['bio', 'bilou'];

/** The prefixes of a type's tags, in the order the tag set lists them. */
const PREFIXES: Record<TagScheme, readonly string[]> = { bio: ['B', 'I'], bilou: ['B', 'I', 'L', 'U'] };

/**
 * Gold BIO tags as BILOU. A name is a B or I followed by I of the same type; a sentence start
 * (`initial`) ends it, as it does when decoding (the tag history restarts there).
 */
export function bioToBilou(gold: readonly string[], initial: readonly boolean[]): string[] {
  const out = gold.map((tag) => tag);
  for (let i = 0; i < gold.length; i++) {
    if (gold[i] === 'O') continue;
    const type = gold[i].slice(2);
    let j = i + 1;
    while (j < gold.length && !initial[j] && gold[j] === `I-${type}`) j++;
    if (j === i + 1) out[i] = `U-${type}`;
    else {
      out[i] = `B-${type}`;
      for (let k = i + 1; k < j - 1; k++) out[k] = `I-${type}`;
      out[j - 1] = `L-${type}`;
    }
    i = j - 1;
  }
  return out;
}

/** The tag set: O, then the scheme's tags of each type, in the order of `types`, for the tags that occur in `golds`. */
export function schemeTagSet(scheme: TagScheme, golds: readonly (readonly string[])[], types: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const gold of golds) for (const tag of gold) seen.add(tag);
  const tags = types.flatMap((type) => PREFIXES[scheme].map((prefix) => `${prefix}-${type}`));
  return ['O', ...tags.filter((tag) => seen.has(tag))];
}

/** True when `tag` goes on with the name of the tag before it: I or L (BILOU), I (BIO). */
function continues(tag: string): boolean {
  return tag.startsWith('I-') || tag.startsWith('L-');
}

/**
 * True when tag `t` may follow tag `prev` (-1: sequence start). BIO: I-x only after B-x or I-x.
 * BILOU: I-x and L-x only after B-x or I-x, and after those nothing else (a name is closed by L or U).
 */
export function allowedTransition(scheme: TagScheme, tags: readonly string[], prev: number, t: number): boolean {
  const sameType = prev > 0 && tags[prev].slice(2) === tags[t].slice(2);
  if (scheme === 'bio') return t === 0 || tags[t].startsWith('B-') || sameType;
  const open = prev > 0 && (tags[prev].startsWith('B-') || tags[prev].startsWith('I-'));
  return continues(tags[t]) ? open && sameType : !open;
}

/** allowedTransition(prev, t) for every prev (-1 first) and t, row by row: decoding asks for every word and tag. */
export function transitionTable(scheme: TagScheme, tags: readonly string[]): Uint8Array {
  const n = tags.length;
  const table = new Uint8Array((n + 1) * n);
  for (let prev = -1; prev < n; prev++) for (let t = 0; t < n; t++) table[(prev + 1) * n + t] = allowedTransition(scheme, tags, prev, t) ? 1 : 0;
  return table;
}

/** Per tag: whether a name begins there (B in BIO; B or U in BILOU). */
export function beginsName(tag: string): boolean {
  return tag.startsWith('B-') || tag.startsWith('U-');
}

/** Per tag: whether the name ends with this word (L or U; never in BIO, where the next tag tells). */
export function closesName(tag: string): boolean {
  return tag.startsWith('L-') || tag.startsWith('U-');
}
