/**
 * Scores sentences for check-worthiness. Each cue adds or subtracts weight and leaves a
 * human-readable reason, so the editor can say why a sentence was flagged. Cue phrases are
 * looked up word by word (one pass per sentence), case-sensitively: German nouns are
 * capitalised and verbs are not; only the sentence's first letter is lowered.
 */
import type { ClaimFinding, EntityFinding, Language, NumberFinding } from './types';
import type { Span } from './prose';
import type { Token } from './tokens';
import { tokenize } from './tokens';
import { findTimeSensitive } from './timeSensitive';

/** Default score a sentence needs to be reported as a claim. */
export const DEFAULT_CLAIM_THRESHOLD = 0.45;

type Category =
  | 'attribution' | 'comparison' | 'event' | 'prediction' | 'strongPrediction' | 'hedged' | 'opinion' | 'evaluative'
  | 'reportedOpinion' | 'definition' | 'narrative' | 'reader';

const PENALTIES: ReadonlySet<Category> = new Set(['hedged', 'opinion', 'evaluative', 'reportedOpinion']);

interface Cue {
  category: Category;
  weight: number;
  reason: string;
  phrases: string;
}

function cue(category: Category, weight: number, reason: string, phrases: string): Cue {
  return { category, weight, reason, phrases };
}

interface Phrase {
  words: string[];
  cue: Cue;
}

/** Cue phrases keyed by their first word. */
interface CompiledCues {
  byFirst: Map<string, Phrase[]>;
  cues: Cue[];
  comparison: Cue;
  prediction: Cue;
  superlative: (word: string) => boolean;
  /** Auxiliaries and copulas: on their own they link a subject to a description rather than assert an event. */
  auxiliary: ReadonlySet<string>;
  /** A past participle, which turns an auxiliary into a perfect or passive: an event. */
  participle: (word: string) => boolean;
}

function compile(cues: Cue[], superlative: (word: string) => boolean, auxiliary: string, participle: (word: string) => boolean): CompiledCues {
  const byFirst = new Map<string, Phrase[]>();
  for (const c of cues) {
    for (const phrase of c.phrases.split('|')) {
      // Phrases are tokenized like the text: "let's" → let ' s, "best-selling" → best - selling.
      const words = tokenize(phrase.trim()).map((t) => t.text);
      if (!words.length) continue;
      const list = byFirst.get(words[0]) ?? [];
      list.push({ words, cue: c });
      byFirst.set(words[0], list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const find = (category: Category) => cues.find((c) => c.category === category) as Cue;
  return { byFirst, cues, comparison: find('comparison'), prediction: find('prediction'), superlative, auxiliary: new Set(auxiliary.split('|').map((w) => w.trim())), participle };
}

const GERMAN_SUPERLATIVE_EXCEPTIONS = new Set(['ersten', 'erste', 'erster', 'erstes', 'letzten', 'letzte', 'letzter', 'letztes', 'nächsten', 'nächste', 'nächster', 'nächstes', 'selbst']);
const ENGLISH_SUPERLATIVE_EXCEPTIONS = new Set(['interest', 'request', 'suggest', 'protest', 'invest', 'harvest', 'forest', 'honest', 'modest', 'earnest', 'contest', 'digest', 'manifest', 'arrest', 'midwest', 'conquest', 'priest', 'guest', 'unrest', 'behest']);

const GERMAN = compile(
  [
    cue('attribution', 0.25, 'attribution', `laut | zufolge | berichtet | berichtete | berichten | berichteten | meldet | meldete | schreibt |
      schrieb | sagte | sagt | erklärte | erklärt | teilte | mitteilte | bestätigte | bestätigt | heißt es | hieß es | nach Angaben |
      gab bekannt | bekanntgab | zitiert | Umfrage | Studie | Statistik | Erhebung | Analyse | Schätzung | Schätzungen | Daten |
      Firmenangaben | Unternehmensangaben`),
    cue('comparison', 0.15, 'comparison or superlative', `mehr als | weniger als | besser als | schneller als | größer als | höher als |
      niedriger als | günstiger als | billiger als | stärker als | schwächer als | übertrifft | übertreffen | übertraf | überholt |
      überholte | führend | Spitzenreiter | Marktführer | Rekord | Rekordhoch | Rekordtief | größte | größten | größter | größtes |
      meiste | meisten | höchste | höchsten | erstmals | doppelt so | halb so | im Vergleich | in den Schatten`),
    cue('event', 0.2, 'asserts an event or fact', `vorgestellt | veröffentlicht | veröffentlichte | angekündigt | kündigte | übernommen |
      übernahm | übernimmt | investiert | investierte | gegründet | gründete | gesammelt | sammelte | eingesammelt | erreicht | erreichte |
      verzeichnete | verzeichnet | gemeldet | gestartet | startete | eingeführt | führte | stieg | stiegen | gestiegen | fiel | fielen |
      gefallen | sank | sanken | gesunken | legte | legt | legten | verlor | verloren | gewann | gewonnen | kostete | kostet | kosten |
      kaufte | gekauft | verkaufte | verkauft | unterzeichnet | unterzeichnete | genehmigt | genehmigte | verboten | verbot | verhängt |
      verhängte | beschränkt | beschränkte | exportiert | importiert | entwickelt | entwickelte | basiert | zählt | zählte | gehört |
      gehören | nutzen | nutzt | setzen | setzt | setzte | setzten | unterstützt | unterstützte | verfügt | verfügte | beträgt | betrug |
      belief | umfasst | erzielte | erzielt | launcht | launchte | brachte | bringt | trainiert | integriert | freigegeben |
      aufgestiegen | verdoppelt | verdreifacht | stellte | stellt | stellen | bewertet | beschäftigt | beschäftigte | liegt | lag |
      lagen | kam | kommt | hat | hatte | haben | hatten | ist | war | sind | waren | wurde | wurden | gibt | gab | agiert | stecken |
      steckt | investieren | eingesetzt | verfügbar | erschweren | erschwert | abgeschlossen | angeführt | ermöglicht | ermöglichte |
      ermöglichen | brach | schloss | bestellt | bestellten | rechnet | erwartet | erwarten`),
    cue('prediction', 0.1, 'prediction with a figure', `wird | werden | soll | sollen | dürfte | dürften | voraussichtlich | erwartet | erwarten |
      prognostiziert | rechnet | plant | planen | will`),
    cue('strongPrediction', -0.1, 'prediction without a figure', `voraussichtlich | dürfte | dürften | wird erwartet | es wird erwartet |
      prognostiziert | wird dazu beitragen | werden dazu beitragen`),
    cue('hedged', -0.25, 'hedged', `könnte | könnten | möglicherweise | vielleicht | wohl | scheint | scheinen | vermutlich | angeblich |
      eventuell | womöglich | bleibt abzuwarten | umstritten | fraglich | ist offen | unklar | ungewiss`),
    cue('opinion', -0.2, 'opinion or demand', `ich denke | ich glaube | wir glauben | meiner Meinung | unserer Meinung | sollte | sollten | müssen | muss`),
    cue('evaluative', -0.2, 'evaluative wording', `beeindruckend | beeindruckende | beeindruckenden | spannend | spannende | spannendes |
      faszinierend | erstaunlich | fantastisch | wunderbar | wunderbares | unglaublich | bemerkenswert | bemerkenswerte | herausragend |
      herausragende | enorm | enorme | klar | sicher | Paradebeispiel | revolutionär | bahnbrechend | vielversprechend | unbestreitbar |
      entscheidend | entscheidende | überraschend | provokant | provokante | ermutigend | überzogen | Meilenstein | wichtig | wichtige |
      wichtiger | schwierig | schwierige | definitiv | rasant | rasante | rasantem | rasanten | klares | klarer | klare | bedeutende |
      bedeutenden | erhebliche | erheblichen | symbolisieren | symbolisiert`),
    cue('reportedOpinion', -0.2, 'reported opinion', `nannte | bezeichnete | sprach von | warnte | lobte | kritisierte | hält | halten`),
    cue('definition', -0.3, 'definition or background', `ist eine Art | ist ein Begriff | bezeichnet man | versteht man | bezieht sich auf |
      steht für | ist die Abkürzung | handelt es sich um | ist eine abgespeckte | ist eine Variante | ist ein Verfahren`),
    // Formal "Sie"/"Ihr" mean "you" only after the first word (the first word is lowered before matching).
    cue('reader', -0.35, 'addresses the reader', `wir | uns | unser | unsere | unseren | unserem | Sie | Ihnen | Ihr | Ihre | Ihren | Ihrem | Ihres | Lass`),
    cue('narrative', -0.3, 'narrative transition', `lassen Sie | Lassen Sie | werfen wir | sprechen wir | kehren wir | schauen wir |
      in diesem Blog | kurz gesagt | doch der Reihe nach`),
  ],
  (w) => w.length >= 7 && /(?:ste|sten|ster|stes)$/.test(w) && !w.includes('sst') && !GERMAN_SUPERLATIVE_EXCEPTIONS.has(w),
  'hat | hatte | haben | hatten | ist | war | sind | waren | wurde | wurden | gibt | gab',
  // ge-participles, also after a separable prefix (zugegriffen, aufgebaut); not ge-nouns (capitalised).
  (w) => /^\p{Ll}*ge\p{Ll}{2,}(?:t|en)$/u.test(w) && !/^ge(?:gen|rade|nau|nug|meinsam|rn)/.test(w),
);

const ENGLISH = compile(
  [
    cue('attribution', 0.25, 'attribution', `according to | said | says | reported | reports | told | announced | wrote | stated |
      confirmed | disclosed | estimated | estimates | data from | survey | study | filing | statement | figures from | showed`),
    cue('comparison', 0.15, 'comparison or superlative', `more than | less than | fewer than | better than | faster than | higher than |
      lower than | cheaper than | than | most | largest | biggest | highest | lowest | fastest | cheapest | best-selling | ahead of |
      behind | outperform | outperforms | outperformed | surpass | surpasses | surpassed | beat | beats | overtook | overtaking |
      record | leading | ranks | ranked | doubled | tripled | halved | first-ever | compared with | compared to | lead over`),
    cue('event', 0.2, 'asserts an event or fact', `launch | launched | launches | released | releases | unveiled | announced | acquired |
      bought | raised | invested | founded | reached | hit | rose | fell | dropped | gained | lost | jumped | surged | plunged |
      slumped | slid | slides | climbed | cost | costs | trained | banned | restricted | approved | signed | filed | posted | earned |
      generated | ranked | topped | overtook | uses | used | supports | holds | owns | employs | valued | worth | priced |
      introduced | shipped | sold | cut | added | wiped | erased | built | opened | closed | ended | began | started | became | won |
      tops | leads | led | spent | spends | needed | needs | has | had | have | is | was | are | were | scored | scores | claims |
      plans | planned | invest | invests | grow | grew | required | require | requires | met | funded | available | rallied`),
    cue('prediction', 0.1, 'prediction with a figure', `will | would | expects | expected | forecast | forecasts | projected | predicts |
      is set to | aims to | plans to | estimate`),
    cue('strongPrediction', -0.1, 'prediction without a figure', `will | is expected to | are expected to | is likely to | forecast to`),
    cue('hedged', -0.25, 'hedged', `might | could | may | perhaps | possibly | arguably | seems | seem | apparently | likely | unclear |
      remains to be seen | is anyone's guess | is not known | controversial | questionable`),
    cue('opinion', -0.2, 'opinion or demand', `I think | we believe | I believe | in my view | should | must | need to | needs to`),
    cue('evaluative', -0.2, 'evaluative wording', `impressive | exciting | amazing | remarkable | stunning | incredible | fascinating |
      brilliant | groundbreaking | revolutionary | promising | undeniable | crucial | surprising | encouraging | overblown |
      milestone | important moment | important | difficult | definitely | clearly`),
    cue('reportedOpinion', -0.2, 'reported opinion', `called | described as | dubbed | warned | praised | criticised | criticized |
      hailed | slammed`),
    cue('definition', -0.3, 'definition or background', `is a type of | is a kind of | refers to | stands for | is defined as |
      is short for | is a version of | is a variant of`),
    cue('reader', -0.35, 'addresses the reader', `you | your | we | our | us | imagine`),
    cue('narrative', -0.3, 'narrative transition', `let's | Let's | let us | here's | here is | in this article | in short | but first |
      more on that`),
  ],
  (w) => w.length >= 6 && /(?:est|iest)$/.test(w) && !ENGLISH_SUPERLATIVE_EXCEPTIONS.has(w),
  'has | had | have | is | was | are | were',
  (w) => w.length >= 5 && /ed$/.test(w),
);

/**
 * A collective actor named by origin rather than by name ("die chinesische Regierung", "chinesische Firmen",
 * "US companies", "Chinese regulators") is as checkable a subject as a named one.
 */
const COLLECTIVE_ACTOR: Record<Language, RegExp> = {
  de: /(?<![\p{L}-])(?:\p{L}+isch|US-\p{L}+isch|EU)(?:e|en|er|es)? (?:[\p{L}-]+-)?(?:Regierung|Regierungen|Behörde|Behörden|Firma|Firmen|Unternehmen|Konzern|Konzerne|Startups|Hersteller|Banken|Investoren|Ministerium|Aufsichtsbehörden)(?![\p{L}-])/u,
  en: /(?<![\p{L}-])(?:Chinese|American|U\.?S\.?|European|EU|Japanese|Korean|German|British|French|Indian|Taiwanese|Asian|Western) (?:tech |AI |chip )?(?:government|governments|regulators|authorities|companies|firms|startups|makers|manufacturers|banks|investors|officials|ministry)(?![\p{L}-])/u,
};

const YEAR_AFTER_BIS = /(?<![\p{L}])(?:bis|by) (?:Ende |end of )?\d{4}(?!\d)/u;
/** The cues a sentence's words carry, each with the first phrase that triggered it. */
function matchCues(words: string[], compiled: CompiledCues): Map<Cue, string> {
  const found = new Map<Cue, string>();
  for (let i = 0; i < words.length; i++) {
    const candidates = compiled.byFirst.get(words[i]);
    if (candidates) {
      for (const phrase of candidates) {
        const previous = found.get(phrase.cue);
        // A full verb outranks an auxiliary or copula found earlier for the same cue.
        if (previous !== undefined && !(phrase.cue.category === 'event' && compiled.auxiliary.has(previous))) continue;
        let ok = true;
        for (let k = 1; k < phrase.words.length && ok; k++) ok = words[i + k] === phrase.words[k];
        if (ok && !(previous !== undefined && compiled.auxiliary.has(phrase.words.join(' ')))) found.set(phrase.cue, phrase.words.join(' '));
      }
    }
    if (!found.has(compiled.comparison) && compiled.superlative(words[i])) found.set(compiled.comparison, words[i]);
  }
  return found;
}

function quote(s: string): string {
  return s.length > 40 ? `"${s.slice(0, 37)}…"` : `"${s}"`;
}

/**
 * Scores one sentence: 0..1 and the reasons, positive ones first as they were found.
 * @param numbers and `entities` are those inside the sentence, with offsets in the same string as `span`.
 */
export function scoreSentence(
  text: string,
  span: Span,
  numbers: NumberFinding[],
  entities: EntityFinding[],
  language: Language,
  tokens: Token[] = tokenize(text, span.start, span.end),
): { score: number; reasons: string[] } {
  const sentence = text.slice(span.start, span.end);
  const reasons: string[] = [];
  let score = 0;
  const add = (weight: number, reason: string) => {
    score += weight;
    reasons.push(weight >= 0 ? reason : `against: ${reason}`);
  };
  const figures = numbers.filter((n) => n.type !== 'date' && n.type !== 'year');
  const dates = numbers.filter((n) => n.type === 'date' || n.type === 'year');
  if (figures.length) {
    const digits = figures.some((n) => /\d/.test(n.text));
    add(digits ? 0.45 : 0.3, `contains a figure (${figures.map((n) => quote(n.text)).slice(0, 3).join(', ')})`);
  }
  if (dates.length) add(figures.length ? 0.1 : 0.2, `dated (${dates.map((n) => quote(n.text)).slice(0, 2).join(', ')})`);
  if (entities.length) {
    const names = [...new Set(entities.map((e) => e.canonical))];
    add(names.length >= 2 ? 0.35 : 0.25, `names ${names.slice(0, 3).map(quote).join(', ')}${names.length > 3 ? ' …' : ''}`);
  } else {
    const actor = COLLECTIVE_ACTOR[language].exec(sentence);
    if (actor) add(0.25, `names a collective actor (${quote(actor[0])})`);
  }
  const compiled = language === 'de' ? GERMAN : ENGLISH;
  const words = tokens.map((t) => t.text);
  // A sentence-initial verb or adjective is capitalised only because it comes first.
  if (words.length) words[0] = words[0].charAt(0).toLowerCase() + words[0].slice(1);
  const found = matchCues(words, compiled);
  if (!found.has(compiled.prediction) && YEAR_AFTER_BIS.test(sentence)) found.set(compiled.prediction, 'bis/by + year');
  let penalty = 0;
  for (const c of compiled.cues) {
    const phrase = found.get(c);
    if (phrase === undefined) continue;
    if (c.category === 'prediction') {
      if (figures.length || dates.length) add(c.weight, `${c.reason} (${phrase})`);
    } else if (c.category === 'strongPrediction') {
      if (!figures.length && !dates.length) add(c.weight, `${c.reason} (${phrase})`);
    } else if (PENALTIES.has(c.category)) {
      penalty += c.weight;
      reasons.push(`against: ${c.reason} (${phrase})`);
    } else if (c.category === 'event' && compiled.auxiliary.has(phrase) && !words.some(compiled.participle)) {
      add(c.weight / 2, `${c.reason} (${phrase})`);
    } else {
      add(c.weight, `${c.reason} (${phrase})`);
    }
  }
  const event = found.get(compiled.cues.find((c) => c.category === 'event') as Cue);
  const finiteVerb = event !== undefined && !compiled.auxiliary.has(event);
  // Several hedges weigh no more than a strong one.
  score += Math.max(penalty, -0.5);
  // A question asks; it does not assert, however many figures it holds.
  const question = /\?["'”“»«)\]’]*$/.test(sentence);
  if (question) add(-0.4, 'question');
  // A headline with a full verb ("X launches Y") asserts as much as a sentence does.
  else if (!/[.!…:;]["'”“»«)\]’]*$/.test(sentence) && !figures.length && !finiteVerb) add(-0.15, 'headline or fragment');
  if (tokens.filter((t) => t.kind !== 'sym').length < 4) add(-0.3, 'too short to assert much');
  if (question) score = Math.min(score, 0.3);
  return { score: Math.round(Math.max(0, Math.min(1, score)) * 100) / 100, reasons };
}

/**
 * Scores every sentence and returns those at or above the threshold as claims.
 * Tokens, numbers and entities must be sorted by start and index the same string as the sentences.
 */
export function findClaims(
  text: string,
  sentences: Span[],
  tokens: Token[],
  numbers: NumberFinding[],
  entities: EntityFinding[],
  language: Language,
  threshold: number,
): ClaimFinding[] {
  const claims: ClaimFinding[] = [];
  let n = 0;
  let e = 0;
  let t = 0;
  for (const span of sentences) {
    while (t < tokens.length && tokens[t].start < span.start) t++;
    let tEnd = t;
    while (tEnd < tokens.length && tokens[tEnd].end <= span.end) tEnd++;
    while (n < numbers.length && numbers[n].end <= span.start) n++;
    while (e < entities.length && entities[e].end <= span.start) e++;
    const inNumbers: NumberFinding[] = [];
    for (let k = n; k < numbers.length && numbers[k].start < span.end; k++) inNumbers.push(numbers[k]);
    const inEntities: EntityFinding[] = [];
    for (let k = e; k < entities.length && entities[k].start < span.end; k++) inEntities.push(entities[k]);
    const { score, reasons } = scoreSentence(text, span, inNumbers, inEntities, language, tokens.slice(t, tEnd));
    if (score < threshold) continue;
    const sentence = text.slice(span.start, span.end);
    claims.push({ kind: 'claim', type: null, start: span.start, end: span.end, text: sentence, score, reasons, timeSensitive: findTimeSensitive(sentence, tokens.slice(t, tEnd)) });
  }
  return claims;
}
