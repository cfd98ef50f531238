/**
 * Scores sentences for check-worthiness. Each cue adds or subtracts weight and leaves a
 * human-readable reason, so the editor can say why a sentence was flagged. Cue phrases are
 * looked up word by word (one pass per sentence), case-sensitively: German nouns are
 * capitalised and verbs are not; only the sentence's first letter is lowered.
 *
 * What counts as a claim follows the labelling guidelines (test/fixtures/gold/GUIDELINES.md, section 3):
 * checkable figures, dated events, deals, rankings and attributed facts are claims; questions,
 * opinions and hedges, narrative transitions, background definitions and reported opinions,
 * characterisations or intentions are not. A hedge or opinion word inside a subordinate clause
 * does not take the assertion of the main clause back.
 */
import type { ClaimFinding, EntityFinding, Language, NumberFinding } from './types';
import type { Span } from './prose';
import type { Token } from './tokens';
import type { WordIds } from './wordIds';
import { tokenize } from './tokens';
import { findTimeSensitive } from './timeSensitive';
import { fireSignals, lastBeforeClosers, ruleScore, signalWeight, wordCount, type SentenceFacts } from './claimSignals';
import { reasonLine, type ClaimReason, type ClaimScorer } from './claimModel';
import { WordFilter } from './wordFilter';

/** Default probability a sentence needs to be reported as a claim (the editor's aiNews.claimScoreThreshold has its own default). */
export const DEFAULT_CLAIM_THRESHOLD = 0.4;

type Category =
  | 'attribution' | 'comparison' | 'event' | 'prediction' | 'strongPrediction' | 'hedged' | 'opinion' | 'evaluative'
  | 'intensifier' | 'reportedOpinion' | 'intention' | 'definition' | 'narrative' | 'reader';

/** Cues whose weights are summed and capped together. */
const PENALTIES: ReadonlySet<Category> = new Set(['hedged', 'opinion', 'evaluative', 'intensifier', 'reportedOpinion', 'intention']);
/** Penalties that a subordinate clause does not pass on to the sentence ("Da die Regeln verschärft werden könnten, decken sich …"). */
const MAIN_CLAUSE_ONLY: ReadonlySet<Category> = new Set(['hedged', 'opinion', 'intention']);
/** Cues that may be a capitalised noun at the start of a sentence ("Kritiker halten …", "Umfrage: …"). */
const NOUN_CUES: ReadonlySet<Category> = new Set(['attribution', 'comparison', 'evaluative', 'intensifier', 'reportedOpinion', 'narrative']);

interface Cue {
  category: Category;
  weight: number;
  reason: string;
  phrases: string;
  /** Its place in its language's list (set by compile): where its hits are kept in FoundCues. */
  ordinal: number;
}

function cue(category: Category, weight: number, reason: string, phrases: string): Cue {
  return { category, weight, reason, phrases, ordinal: -1 };
}

interface Phrase {
  words: string[];
  /** The words joined by spaces: what a hit reports. */
  text: string;
  cue: Cue;
}

/** Where one cue phrase was found: its words and the index of its first word in the sentence. */
interface Hit {
  phrase: string;
  index: number;
}

/**
 * The cues found in one sentence, each with every place it was found; kept by the cue's ordinal
 * (one of these is made for every sentence of an article: a short array is cheaper than a Map).
 */
class FoundCues {
  private readonly hits: (Hit[] | undefined)[];

  constructor(cues: number) {
    this.hits = new Array<Hit[] | undefined>(cues).fill(undefined);
  }

  get(c: Cue): Hit[] | undefined {
    return this.hits[c.ordinal];
  }

  has(c: Cue): boolean {
    return this.hits[c.ordinal] !== undefined;
  }

  set(c: Cue, hits: Hit[]): void {
    this.hits[c.ordinal] = hits;
  }

  delete(c: Cue): void {
    this.hits[c.ordinal] = undefined;
  }

  /** Records a hit, unless the cue was last found at the same word. */
  add(c: Cue, phrase: string, index: number): void {
    const hits = this.hits[c.ordinal];
    if (!hits) this.hits[c.ordinal] = [{ phrase, index }];
    else if (hits[hits.length - 1].index !== index) hits.push({ phrase, index });
  }
}

/** Cue phrases keyed by their first word, and the closed word lists of one language. */
interface CompiledCues {
  byFirst: Map<string, Phrase[]>;
  /** The keys of `byFirst`: most words of a sentence start no cue and are turned away before the Map hashes them. */
  firstWords: WordFilter;
  cues: Cue[];
  attribution: Cue;
  event: Cue;
  comparison: Cue;
  prediction: Cue;
  reportedOpinion: Cue;
  definition: Cue;
  superlative: (words: string[], i: number) => boolean;
  /** Auxiliaries and copulas: on their own they link a subject to a description rather than assert an event. */
  auxiliary: ReadonlySet<string>;
  /** A past participle, which turns an auxiliary into a perfect or passive: an event. */
  participle: (word: string) => boolean;
  /** Words that open a subordinate clause at the start of a sentence or after a comma. */
  subordinators: ReadonlySet<string>;
  /** Subordinators of content clauses ("sagte, dass …"): after an attribution they carry what is asserted. */
  complements: ReadonlySet<string>;
  /** Copulas and indefinite articles: "X ist eine Variante von …", "Grok is a chatbot built by …". */
  copulas: ReadonlySet<string>;
  indefinite: ReadonlySet<string>;
  /** Sentence-initial pronouns that point back at the previous sentence, and what may follow them. */
  anaphora: (words: string[]) => boolean;
  /** Phrases that only count at the start of a sentence (lowered first word): the article talking about itself. */
  initial: string[][];
  /** The word after a sentence-initial name is its verb ("Samsung fertigt", "Cerebras files"). */
  verbAfterName: (word: string, sentenceInitial: boolean) => boolean;
  /** Present participle after an auxiliary ("is building", "are committing"): an event when its verb is known. */
  progressive: (words: string[], i: number) => boolean;
}

function compile(
  listed: Cue[],
  lists: Omit<CompiledCues, 'byFirst' | 'firstWords' | 'cues' | 'attribution' | 'event' | 'comparison' | 'prediction' | 'reportedOpinion' | 'definition'>,
): CompiledCues {
  const cues = listed.map((c, ordinal) => ({ ...c, ordinal }));
  const byFirst = new Map<string, Phrase[]>();
  for (const c of cues) {
    for (const phrase of c.phrases.split('|')) {
      // Phrases are tokenized like the text: "let's" → let ' s, "best-selling" → best - selling.
      const words = tokenize(phrase.trim()).map((t) => t.text);
      if (!words.length) continue;
      const list = byFirst.get(words[0]) ?? [];
      list.push({ words, text: words.join(' '), cue: c });
      byFirst.set(words[0], list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const find = (category: Category) => cues.find((c) => c.category === category) as Cue;
  return {
    byFirst, firstWords: new WordFilter(byFirst.keys()), cues, attribution: find('attribution'), event: find('event'), comparison: find('comparison'), prediction: find('prediction'),
    reportedOpinion: find('reportedOpinion'), definition: find('definition'), ...lists,
  };
}

function words(list: string): Set<string> {
  return new Set(list.split(/[\s|]+/).filter(Boolean));
}

/**
 * German weak verbs by stem, with their finite forms and participle: "meld" → meldet, meldete,
 * meldeten, melden, gemeldet; "rechn" → rechnet. A stem ending in -el/-er takes -n ("steiger" → steigern); a stem with an
 * inseparable prefix or in -ier has no ge- participle ("veröffentlich" → veröffentlicht).
 */
function germanWeakVerbs(stems: string): string[] {
  const forms: string[] = [];
  for (const stem of stems.split(/\s+/).filter(Boolean)) {
    const e = /(?:[dt]|(?:ch|[^aeiouäöülrh])[mn])$/.test(stem) ? 'e' : '';
    const infinitive = /(?:el|er)$/.test(stem) && !stem.endsWith('ier') ? `${stem}n` : `${stem}en`;
    const inseparable = /^(?:be|ver|er|ent|zer|emp|miss|über|unter|hinter|wider|ge)/.test(stem) || stem.endsWith('ier');
    forms.push(`${stem}${e}t`, `${stem}${e}te`, `${stem}${e}ten`, infinitive, inseparable ? `${stem}${e}t` : `ge${stem}${e}t`);
  }
  return forms;
}

/**
 * English regular verbs by lemma: launch → launches, launched. Irregular forms are listed separately.
 * A trailing "+" doubles the final consonant (ban+ → banned).
 */
function englishRegularVerbs(lemmas: string): string[] {
  const forms: string[] = [];
  for (const entry of lemmas.split(/\s+/).filter(Boolean)) {
    const double = entry.endsWith('+');
    const lemma = double ? entry.slice(0, -1) : entry;
    const third = /(?:s|sh|ch|x|z|o)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
    const past = double ? `${lemma}${lemma.slice(-1)}ed` : lemma.endsWith('e') ? `${lemma}d` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${lemma}ed`;
    forms.push(lemma, third, past);
  }
  return forms;
}

const GERMAN_SUPERLATIVE_EXCEPTIONS = new Set([
  'ersten', 'erste', 'erster', 'erstes', 'letzten', 'letzte', 'letzter', 'letztes', 'nächsten', 'nächste', 'nächster', 'nächstes',
  // "jüngste", "neueste" date a thing (see timeSensitive.ts); they do not rank it.
  'jüngste', 'jüngsten', 'jüngster', 'jüngstes', 'neueste', 'neuesten', 'neuester', 'neuestes', 'selbst', 'meisten',
]);
const ENGLISH_SUPERLATIVE_EXCEPTIONS = new Set([
  'interest', 'request', 'suggest', 'protest', 'invest', 'harvest', 'forest', 'honest', 'modest', 'earnest', 'contest', 'digest',
  'manifest', 'arrest', 'midwest', 'conquest', 'priest', 'guest', 'unrest', 'behest', 'latest', 'newest', 'test', 'attest', 'ingest',
]);
/**
 * What every German superlative form ends in ("größten", "neueste": "st" or "ßt", then e, en, er, es
 * or em), read from the characters: most words of a sentence fail it before any Set is asked.
 */
function endsLikeGermanSuperlative(word: string): boolean {
  const t = word.endsWith('e') ? word.length - 2 : word.length - 3;
  const before = word.charCodeAt(t - 1);
  return word.charCodeAt(t) === 116 && (before === 115 || before === 223);
}

/** A superlative follows an article or a possessive ("die größten", "am schnellsten", "the largest", "Nvidia's biggest"). */
const GERMAN_SUPERLATIVE_FRAMES = words('der die das den dem des am zum zur im beim vom ihr ihre ihren ihrem ihres sein seine seinen seinem seines');
const ENGLISH_SUPERLATIVE_FRAMES = words('the its their his her our s');

/** hält/halten … für is an opinion ("Kritiker halten die Bewertung für überzogen"); otherwise it holds something. */
const GERMAN_HOLD = words('hält halten hielt hielten');

const GERMAN_EVENT_VERBS = [
  ...germanWeakVerbs(`meld start setz nutz kauf verkauf investier trainier integrier präsentier produzier finanzier kooperier
    fusionier exportier importier notier reduzier halbier dominier blockier sanktionier prognostizier akquirier konkurrier
    verdoppel verdreifach entwickel veröffentlich kündig stell leg bau erricht eröffn fertig erhöh senk kürz zahl verdien
    steiger verringer liefer test verklag vereinbar unterzeichn genehmig untersag bestell erwirtschaft verbuch rechn sammel
    beschäftig zähl gehör stamm basier beruh schwank führ leit gründ benötig bestätig stopp beend schrumpf überhol
    erreich erziel verzeichn umfass verfüg unterstütz ermöglich beteilig verhandel sicher belast bewert launch arbeit land
    beleg verbesser verkünd prüf ermittel kapp öffn expandier verabschied stuf`),
  ...`bricht brach brachen gebrochen bringt brachte brachten gebracht kommt kam kamen gekommen liegt lag lagen gelegen steigt
    stieg stiegen gestiegen fällt fiel fielen gefallen sinkt sank sanken gesunken wächst wuchs wuchsen gewachsen verliert verlor
    verloren gewinnt gewann gewannen gewonnen beträgt betrug betrugen beläuft belief beliefen schließt schloss schlossen
    geschlossen übernimmt übernahm übernahmen übernommen erhält erhielt erhielten erwirbt erwarb erwarben erworben bezieht bezog
    bezogen streicht strich strichen gestrichen entlässt entließ entließen entlassen verschiebt verschob verschoben übertrifft
    übertraf übertrafen übertroffen bietet bot boten angeboten nimmt nahm nahmen eingenommen tritt trat traten zieht zog zogen
    verbietet verbot verboten verhängt verhängte erscheint erschien erschienen geht ging gingen hält hielt hielten halten
    vorgestellt angekündigt eingeführt eingesetzt eingesammelt abgeschlossen angeführt freigegeben aufgestiegen zugelegt
    nachgegeben eingebrochen ausgebaut eingestellt ausgeliefert vorgelegt ausgewiesen agiert stecken steckt erschweren erschwert
    verfügbar kosten kostet kostete hebt hob hoben angehoben einigt einigte einigten geeinigt ernennt ernannte ernannten ernannt
    verlässt verließ verlassen beschließt beschloss beschlossen erlässt erließ erlassen
    schneidet schnitt schnitten abgeschnitten
    sei seien habe werde liege zähle setze verfüge gehöre erreiche biete komme steige falle wachse koste investiere
    entwickle veröffentliche verkaufe konkurriere arbeite stamme basiere beruhe erhalte übernehme verliere gewinne führe liefere`
    .split(/\s+/),
  // Auxiliaries and copulas last: a full verb in the same sentence is reported instead.
  ...'hat hatte haben hatten ist war sind waren wurde wurden gibt gab'.split(' '),
].filter(Boolean);

const ENGLISH_EVENT_VERBS = [
  // Lemma and inflected forms: "launch" also serves plural subjects ("OpenAI, SoftBank and Oracle launch …").
  ...englishRegularVerbs(`launch unveil announce acquire raise invest train restrict approve earn generate employ introduce
    wipe erase require deliver produce manufacture develop deploy settle agree hire postpone cancel expand halve reduce
    outperform surpass exceed serve receive allocate operate provide dominate sue tumble soar recover merge commit+ investigate
    appoint resign hike slash trim upgrade downgrade`),
  // Only the inflected forms: the lemma is as often a noun ("the use of", "a start").
  ...englishRegularVerbs(`use open close end start need add edge lift lower double triple ban+ lag+ release reach gain jump
    surge plunge slump climb increase decrease debut rally decline rebound retreat top+ own support sign drop+ dip+ slip+ rank
    score pledge purchase boost delay secure complete ship+ trail probe pass`).filter((_, i) => i % 3 !== 0),
  // Only the past: the lemma and its -s form are as often nouns ("prices", "export controls", "hedge funds").
  ...englishRegularVerbs(`value price claim fund post file order supply license export import list back book block test power
    host offer control account total partner found`).filter((_, i) => i % 3 === 2),
  ...`rose risen rises rise fell fallen falls slid slides lost loses lose cut cuts built builds build began begun begins became
    becomes won wins led leads spent spends spend grew grown grows grow met meets bought buys buy paid pays sold sells sell took
    taken takes holds held hit hits shrank shrinks sank sinks beaten beat beats overtook overtaken overtakes brought brings
    ran runs cost costs sought seeks shut shuts split splits forecasts drew draws sent sends struck strikes broke breaks invested
    available worth has had have is was are were`.split(/\s+/),
].filter(Boolean);
/** Lemmas whose present participle after "is"/"are" is an event ("Oracle is building", "are committing"). */
const ENGLISH_PROGRESSIVE_LEMMAS = words(`launch release unveil announce acquire raise invest reach gain jump surge plunge slump climb train
  restrict approve earn generate employ introduce require deliver produce manufacture develop deploy hire delay postpone cancel
  expand increase reduce boost receive secure complete purchase merge pledge commit allocate operate provide ship sue rally
  build spend grow buy pay sell take hold make cut lose win lead open close start test offer supply export import fund plan
  negotiate talk`);
const ENGLISH_AUX_BEFORE_ING = words('is are was were be been');

/** After sentence-initial "Das"/"Diese", a verb makes it a pronoun ("Das zeigt …"); an adjective an article ("Das chinesische …"). */
const GERMAN_ANAPHORA_VERBS = words('ist war hat wird kann muss soll sei wäre würde dürfte könnte');
const ENGLISH_ANAPHORA_VERBS = words(`is was means meant shows showed suggests suggested makes made puts gives brings marks would could
  will reflects underscores highlights signals`);
/** Adverbs and particles that follow a sentence-initial name without being its verb ("Nvidia selbst", "Alibaba zufolge"). */
const GERMAN_NOT_VERBS = words(`selbst jetzt zuletzt erst meist zunächst nicht heute gerade alleine eben oben unten neben gegen ohne wegen
  zusammen insgesamt weltweit derzeit zurzeit hingegen dagegen zufolge seit mit und oder sowie samt gemeinsam etwa allein erneut
  bereits hierzulande gleichzeitig ebenso braucht`);
/** Words that open a German main clause after a fronted subordinate clause without being its verb. */
const GERMAN_NOT_MAIN_VERBS = words('so dann also und aber doch denn sondern oder wie auch');
const GERMAN_MODALS = words('kann können könnte könnten dürfte dürften muss müssen müsste müssten soll sollen sollte sollten mag mögen will wollen würde würden');
/** Plural nouns that often follow a name ("Nvidia chips", "Apple shares"); they are not its verb. */
const ENGLISH_NOT_VERBS = words(`this his was has thus plus less unless across versus series news analysis basis crisis chips shares
  models stocks products users sales services devices systems tools results revenues earnings customers investors employees
  engineers researchers executives officials partners rivals analysts units orders prices plans costs needs claims funds
  exports imports controls rules data centers centres campus status focus bonus`);

/** A ge- participle, also after a separable prefix; the cheap checks before it in `participle` only skip words it cannot match. */
const GERMAN_PARTICIPLE = /^\p{Ll}*ge\p{Ll}{2,}(?:t|en)$/u;
const NOT_GERMAN_PARTICIPLE = /^ge(?:gen|rade|nau|nug|meinsam|rn)/;

const GERMAN = compile(
  [
    cue('attribution', 0.25, 'attribution', `laut | zufolge | berichtet | berichtete | berichten | berichteten | meldet | meldete | schreibt |
      schrieb | sagte | sagt | sagten | erklärte | erklärt | teilte | mitteilte | bestätigte | bestätigt | heißt es | hieß es | nach Angaben |
      gab bekannt | bekanntgab | zitiert | gesagt | mitgeteilt | Umfrage | Studie | Statistik | Erhebung | Analyse | Schätzung |
      Schätzungen | Daten von | Daten des | Daten der | Daten zeigen | Daten zufolge | Firmenangaben | Unternehmensangaben`),
    cue('comparison', 0.15, 'comparison or superlative', `mehr als | weniger als | besser als | schneller als | größer als | höher als |
      niedriger als | günstiger als | billiger als | stärker als | schwächer als | übertrifft | übertreffen | übertraf | überholt |
      überholte | führend | Spitzenreiter | Marktführer | Rekord | Rekordhoch | Rekordtief | größte | größten | größter | größtes |
      meiste | meisten | höchste | höchsten | erstmals | doppelt so | halb so | im Vergleich | in den Schatten`),
    cue('event', 0.2, 'asserts an event or fact', GERMAN_EVENT_VERBS.join(' | ')),
    cue('prediction', 0.1, 'prediction with a figure', `wird | werden | soll | sollen | dürfte | dürften | voraussichtlich | erwartet | erwarten |
      prognostiziert | rechnet | plant | planen | will`),
    cue('strongPrediction', -0.1, 'prediction without a figure', `voraussichtlich | dürfte | dürften | wird erwartet | es wird erwartet |
      prognostiziert | wird dazu beitragen | werden dazu beitragen`),
    cue('hedged', -0.25, 'hedged', `könnte | könnten | möglicherweise | vielleicht | wohl | scheint | scheinen | vermutlich | angeblich |
      eventuell | womöglich | bleibt abzuwarten | umstritten | fraglich | ist offen | unklar | ungewiss | wahrscheinlich | offenbar |
      anscheinend | mag | mögen | schwer zu sagen | wirkt | wirken | wirkte`),
    cue('opinion', -0.2, 'opinion or demand', `ich denke | ich glaube | ich finde | wir glauben | meiner Meinung | unserer Meinung |
      meiner Ansicht | aus meiner Sicht | sollte | sollten | müssen | muss | müsse | solle | wird deutlich | daraus folgt | keine Frage`),
    cue('evaluative', -0.2, 'evaluative wording', `beeindruckend | beeindruckende | beeindruckenden | spannend | spannende | spannendes |
      spannenden | faszinierend | erstaunlich | fantastisch | wunderbar | wunderbares | unglaublich | bemerkenswert | bemerkenswerte |
      herausragend | herausragende | klar | sicher | Paradebeispiel | revolutionär | bahnbrechend | vielversprechend |
      unbestreitbar | entscheidend | entscheidende | überraschend | provokant | provokante | ermutigend | überzogen | Meilenstein |
      wichtig | wichtige | wichtiger | wichtigen | schwierig | schwierige | definitiv | klares | klarer | klare | symbolisieren |
      symbolisiert | beliebt | beliebte | beliebter | benutzerfreundlich | benutzerfreundliche | benutzerfreundlichen | fortschrittlich |
      fortschrittliche | fortschrittlichen | phänomenal | phänomenalen | glänzt | glänzen | poetisch | clever | lustig | interessant |
      interessante | interessanten | beachtlich | beachtliche | beachtlichen | ernstzunehmende | ernstzunehmenden | großartig |
      großartige | hervorragend | hervorragende | zweifellos | offensichtlich | gut aufgestellt | nicht einfach |
      als würde | als würden | als ob | als wäre | als wären |
      im Sturm | Furore | Zugzwang | Öl ins Feuer | in den Ring | Schlagzeilen macht | auf dem Vormarsch | in vollem Gange`),
    // Vague magnitude: it colours a sentence but does not turn a reported fact into an opinion ("riesige Datenmengen").
    cue('intensifier', -0.2, 'vague intensifier', `enorm | enorme | rasant | rasante | rasantem | rasanten | bedeutende | bedeutenden |
      erhebliche | erheblichen | riesig | riesige | riesigen | riesiger | riesiges | gewaltig | gewaltige | gewaltigen | beträchtlich |
      beträchtliche | dramatisch | dramatische | mächtig | mächtige | mächtigen | erbittert | erbitterte | erbitterten`),
    cue('reportedOpinion', -0.2, 'reported opinion', `nannte | nannten | nennt | nennen | bezeichnete | bezeichneten | sprach von | sprachen von |
      spricht von | warnte | warnten | warnt | warnen | lobte | lobt | kritisierte | kritisiert | kritisierten | zeigte sich |
      zeigten sich | gab sich | sieht darin | sehen darin | gilt als | galt als | gelten als | Kritiker | Skeptiker | Beobachter |
      Befürworter`),
    cue('intention', -0.2, 'intention without a figure', `will | wollen | wollte | wollten | möchte | möchten | gerne | gern | beabsichtigt |
      beabsichtigen | hofft | hoffen | strebt | streben | anstreben`),
    cue('definition', -0.3, 'definition or background', `ist eine Art | ist ein Begriff | bezeichnet man | versteht man | bezieht sich auf |
      steht für | ist die Abkürzung | handelt es sich um | es handelt sich um | ist eine abgespeckte | ist eine Variante | ist ein Verfahren`),
    // Formal "Sie"/"Ihr" mean "you" only after the first word (the first word is lowered before matching).
    cue('reader', -0.35, 'addresses the reader', `wir | uns | unser | unsere | unseren | unserem | Sie | Ihnen | Ihr | Ihre | Ihren | Ihrem | Ihres | Lass`),
    cue('narrative', -0.3, 'narrative transition', `lassen Sie | Lassen Sie | werfen wir | sprechen wir | kehren wir | schauen wir |
      in diesem Blog | kurz gesagt | doch der Reihe nach`),
  ],
  {
    superlative: (w, i) => {
      const word = w[i];
      // The ending's letters first, then the Set lookups: the patterns run only on words after an article.
      return i > 0 && word.length >= 7 && endsLikeGermanSuperlative(word) &&
        (GERMAN_SUPERLATIVE_FRAMES.has(w[i - 1]) || (i > 1 && GERMAN_SUPERLATIVE_FRAMES.has(w[i - 2]))) &&
        /^\p{Ll}/u.test(word) && /(?:[^s]st|ßt)(?:e|en|er|es|em)$/u.test(word) && !GERMAN_SUPERLATIVE_EXCEPTIONS.has(word);
    },
    auxiliary: words('hat hatte haben hatten ist war sind waren wurde wurden gibt gab sei seien habe werde'),
    // ge-participles, also after a separable prefix (zugegriffen, aufgebaut); not ge-nouns (capitalised).
    participle: (w) => w.length >= 5 && (w.endsWith('t') || w.endsWith('en')) && w.includes('ge') && GERMAN_PARTICIPLE.test(w) && !NOT_GERMAN_PARTICIPLE.test(w),
    subordinators: words(`dass daß weil da obwohl obgleich wenngleich wenn falls sofern ob nachdem bevor ehe während seit seitdem sobald
      solange indem sodass als wie wo wodurch womit weshalb weswegen warum wobei`),
    complements: words('dass daß ob'),
    copulas: words('ist sind war waren'),
    indefinite: words('ein eine einer einen einem eines'),
    anaphora: (w) => {
      const next = w[1] ?? '';
      const verb = GERMAN_ANAPHORA_VERBS.has(next) || /^\p{Ll}+t$/u.test(next);
      return w[0] === 'dies' || (w[0] === 'all' && next === 'das') || ((w[0] === 'das' || w[0] === 'diese' || w[0] === 'dieser' || w[0] === 'dieses') && verb);
    },
    initial: [['der', 'Artikel', 'stammt'], ['dieser', 'Artikel'], ['dieser', 'Beitrag'], ['der', 'Beitrag', 'erschien'], ['der', 'Artikel', 'erschien']],
    // A singular name takes a verb in -t or -te ("fertigt", "meldete"); "-ste" is a superlative ("Alibabas neueste").
    verbAfterName: (w, initial) => initial && w.length >= 3 && /^\p{Ll}+$/u.test(w) && /(?:t|te)$/.test(w) && !w.endsWith('ste') && !GERMAN_NOT_VERBS.has(w),
    progressive: () => false,
  },
);

const ENGLISH = compile(
  [
    cue('attribution', 0.25, 'attribution', `according to | said | says | reported | reports | told | announced | wrote | stated |
      confirmed | disclosed | estimated | estimates | data from | survey | study | filing | statement | figures from | showed`),
    cue('comparison', 0.15, 'comparison or superlative', `more than | less than | fewer than | better than | faster than | higher than |
      lower than | cheaper than | than | most | largest | biggest | highest | lowest | fastest | cheapest | best-selling | ahead of |
      behind | outperform | outperforms | outperformed | surpass | surpasses | surpassed | beat | beats | overtook | overtaking |
      record | leading | ranks | ranked | doubled | tripled | halved | first-ever | compared with | compared to | lead over`),
    cue('event', 0.2, 'asserts an event or fact', ENGLISH_EVENT_VERBS.join(' | ')),
    cue('prediction', 0.1, 'prediction with a figure', `will | would | expects | expected | forecast | forecasts | projected | predicts |
      is set to | aims to | plans to | estimate`),
    cue('strongPrediction', -0.1, 'prediction without a figure', `will | is expected to | are expected to | is likely to | forecast to`),
    cue('hedged', -0.25, 'hedged', `might | could | may | perhaps | possibly | arguably | seems | seem | apparently | likely | unclear |
      remains to be seen | is anyone's guess | is not known | controversial | questionable | probably | appears to | appear to`),
    cue('opinion', -0.2, 'opinion or demand', `I think | we believe | I believe | in my view | in our view | should | must | need to | needs to`),
    cue('evaluative', -0.2, 'evaluative wording', `impressive | exciting | amazing | remarkable | stunning | incredible | fascinating |
      brilliant | groundbreaking | revolutionary | promising | undeniable | crucial | surprising | encouraging | overblown |
      milestone | important moment | important | difficult | definitely | clearly | extraordinary | phenomenal | striking |
      astonishing | disappointing | worrying | alarming | wishful | overhyped | undoubtedly | obviously |
      as if | as though | looks like | look like | looks more like | look more like | by storm | game changer | game-changer`),
    cue('intensifier', -0.2, 'vague intensifier', `enormous | huge | massive | tremendous | dramatic | dramatically`),
    cue('reportedOpinion', -0.2, 'reported opinion', `called | calls | call it | call the | call this | described | describes |
      dubbed | warned | warns | praised | praises | criticised | criticized | hailed | slammed | argued | argues | insisted | insists |
      is considered | are considered | is seen as | are seen as | is regarded as | are regarded as | critics | sceptics | skeptics |
      observers | detractors`),
    cue('intention', -0.2, 'intention without a figure', `wants | want | wanted | hopes to | hope to | hoped to | intends to |
      intend to | intended to | aims to | aim to | seeks to | seek to | would like to | plans to | plan to | planned to | it would |
      they would`),
    cue('definition', -0.3, 'definition or background', `is a type of | is a kind of | refers to | stands for | is defined as |
      is short for | is a version of | is a variant of`),
    cue('reader', -0.35, 'addresses the reader', `you | your | we | our | us | imagine`),
    cue('narrative', -0.3, 'narrative transition', `let's | Let's | let us | here's | here is | in this article | in short | but first |
      more on that`),
  ],
  {
    superlative: (w, i) => {
      const word = w[i];
      return i > 0 && word.length >= 6 && word.endsWith('est') &&
        (ENGLISH_SUPERLATIVE_FRAMES.has(w[i - 1]) || (i > 1 && ENGLISH_SUPERLATIVE_FRAMES.has(w[i - 2]))) &&
        /^[a-z]+$/.test(word) && !ENGLISH_SUPERLATIVE_EXCEPTIONS.has(word);
    },
    auxiliary: words('has had have is was are were'),
    participle: (w) => w.length >= 5 && /ed$/.test(w),
    subordinators: words('although though while whereas because since as if unless when whether after before which who whom whose where once'),
    complements: words('that whether'),
    copulas: words('is are was were'),
    indefinite: words('a an'),
    anaphora: (w) => (w[0] === 'this' || w[0] === 'that' || w[0] === 'these' || w[0] === 'those') && ENGLISH_ANAPHORA_VERBS.has(w[1] ?? ''),
    initial: [['this', 'article'], ['this', 'story'], ['this', 'post'], ['this', 'report', 'was']],
    verbAfterName: (w) => w.length >= 4 && /^[a-z]+(?:s|ed)$/.test(w) && !ENGLISH_NOT_VERBS.has(w),
    progressive: (w, i) => {
      const word = w[i];
      if (i < 1 || !word.endsWith('ing') || word.length < 6 || !ENGLISH_AUX_BEFORE_ING.has(w[i - 1])) return false;
      const stem = word.slice(0, -3);
      return ENGLISH_PROGRESSIVE_LEMMAS.has(stem) || ENGLISH_PROGRESSIVE_LEMMAS.has(`${stem}e`) ||
        (stem.length > 3 && stem.at(-1) === stem.at(-2) && ENGLISH_PROGRESSIVE_LEMMAS.has(stem.slice(0, -1)));
    },
  },
);

/**
 * A collective actor named by origin rather than by name ("die chinesische Regierung", "chinesische Firmen",
 * "US companies", "Chinese tech stocks") is as checkable a subject as a named one.
 */
const COLLECTIVE_ACTOR: Record<Language, RegExp> = {
  de: /(?<![\p{L}-])(?:\p{L}+isch|US-\p{L}+isch|EU)(?:e|en|er|es)? (?:[\p{L}-]+-)?(?:Regierung|Regierungen|Behörde|Behörden|Firma|Firmen|Unternehmen|Konzern|Konzerne|Startups|Hersteller|Banken|Investoren|Ministerium|Aufsichtsbehörden|Aktien)(?![\p{L}-])/u,
  en: /(?<![\p{L}-])(?:Chinese|American|U\.?S\.?|European|EU|Japanese|Korean|German|British|French|Indian|Taiwanese|Asian|Western) (?:tech |AI |chip )?(?:government|governments|regulators|authorities|companies|firms|startups|makers|manufacturers|banks|investors|officials|ministry|stocks|shares)(?![\p{L}-])/u,
};

/**
 * A group named by what its members are, not by name ("die Politiker", "Flüchtlinge", "the government",
 * "taxpayers"): claims about unnamed groups are checkable too. Only the classifier weighs this signal.
 */
const UNNAMED_GROUP_WORDS: Record<Language, string[]> = {
  de: 'Politiker|Regierung|Bundesregierung|Medien|Menschen|Leute|Bürger|Deutschen|Deutsche|Flüchtlinge|Migranten|Ausländer|Wissenschaftler|Forscher|Experten|Ärzte|Firmen|Konzerne|Unternehmen|Banken|Staat|Staaten|Länder|Parteien|Grünen|Linken|Impfgegner|Autofahrer|Steuerzahler|Rentner|Arbeitnehmer|Arbeitgeber|Kinder|Frauen|Männer|Jugendliche|Jugendlichen|Studien|Behörden|Polizei|Gerichte|Industrie|Wirtschaft|Schulen|Lehrer|Kirche|Bevölkerung'.split('|'),
  en: 'government|politicians|media|people|Americans|citizens|immigrants|refugees|scientists|researchers|experts|doctors|companies|corporations|banks|workers|families|taxpayers|seniors|children|women|men|students|teachers|Democrats|Republicans|Congress|police|courts|industry|states|countries|economy|population'.split('|'),
};
const UNNAMED_GROUP: Record<Language, RegExp> = {
  de: new RegExp(`(?<![\\p{L}-])(?:${UNNAMED_GROUP_WORDS.de.join('|')})(?![\\p{L}-])`, 'u'),
  en: new RegExp(`(?<![\\p{L}-])(?:${UNNAMED_GROUP_WORDS.en.join('|')})(?![\\p{L}-])`, 'u'),
};
const UNNAMED_GROUP_SET: Record<Language, ReadonlySet<string>> = { de: new Set(UNNAMED_GROUP_WORDS.de), en: new Set(UNNAMED_GROUP_WORDS.en) };
const UNNAMED_GROUP_FILTER: Record<Language, WordFilter> = { de: new WordFilter(UNNAMED_GROUP_WORDS.de), en: new WordFilter(UNNAMED_GROUP_WORDS.en) };
/** A character from U+0250 on: a combining mark among them could hide a group word from the tokens. */
const FROM_U0250 = /[\u0250-\uffff]/;

/**
 * The group a sentence names, or null. The expression is tried only when one of its words is a word
 * token of the sentence: what it matches is a whole word, so a token holds it, unless a combining
 * mark touches it (the look-arounds do not count a mark as a letter, a token takes it in) or the
 * tokens do not reach the sentence's ends; then it is tried all the same. Looking the words up costs
 * a fraction of the expression's scan of every sentence.
 * @param first the sentence's first word as written (words[0] is lowered).
 */
function unnamedGroup(sentence: string, span: Span, tokens: Token[], words: string[], first: string, language: Language, bits: WordBits): string | null {
  const group = UNNAMED_GROUP_SET[language];
  // The whole sentence is searched for such characters at once (more often true than a search of its
  // words, outside which they can also be: then the expression runs, which decides either way).
  let candidate = tokens.length === 0 || tokens[0].start !== span.start || tokens[tokens.length - 1].end !== span.end || group.has(first) ||
    FROM_U0250.test(sentence);
  for (let i = 0; i < words.length && !candidate; i++) candidate = (bits.at(i) & GROUP_WORD) !== 0;
  return candidate ? UNNAMED_GROUP[language].exec(sentence)?.[0] ?? null : null;
}

/** Words one of which every COLLECTIVE_ACTOR match contains: a sentence without them skips the slow expression. */
const COLLECTIVE_HEADS: Record<Language, RegExp> = {
  de: /Regierung|ehörde|Firm|Unternehmen|Konzern|Startups|Hersteller|Banken|Investoren|Ministerium|Aktien/,
  en: /government|regulators|authorities|companies|firms|startups|makers|manufacturers|banks|investors|officials|ministry|stocks|shares/,
};

/** The collective actor a sentence names ("US-Konzerne", "Chinese regulators"), or null. */
function collectiveActor(sentence: string, language: Language): RegExpExecArray | null {
  return COLLECTIVE_HEADS[language].test(sentence) ? COLLECTIVE_ACTOR[language].exec(sentence) : null;
}

const YEAR_AFTER_BIS = /(?<![\p{L}])(?:bis|by) (?:Ende |end of )?\d{4}(?!\d)/u;

/** False when YEAR_AFTER_BIS cannot match: it needs "bis " or "by " (a native substring search, cheaper than the expression). */
function mayHaveYearAfterBis(sentence: string): boolean {
  return sentence.includes('bis ') || sentence.includes('by ');
}
/** Relative pronouns open a subordinate clause after a comma ("…, die Kunden bezahlen müssen"). */
const RELATIVES: Record<Language, ReadonlySet<string>> = {
  de: words('der die das dem den deren dessen denen welche welcher welches welchen welchem'),
  en: words('that'),
};
const CLAUSE_BREAKS = words(', ; : ( ) – —');

/** The cue phrases that start with `first`, if any. */
function phrasesStartedBy(compiled: CompiledCues, first: string): Phrase[] | undefined {
  return compiled.firstWords.mayHave(first) ? compiled.byFirst.get(first) : undefined;
}

/** Adds the hits of `candidates`, phrases that start with word i (only noun cues when `nounsOnly`). */
function matchPhrases(candidates: Phrase[] | undefined, words: string[], i: number, nounsOnly: boolean, found: FoundCues): void {
  if (!candidates) return;
  for (const phrase of candidates) {
    if (nounsOnly && !NOUN_CUES.has(phrase.cue.category)) continue;
    let ok = true;
    for (let k = 1; k < phrase.words.length && ok; k++) ok = i + k < words.length && words[i + k] === phrase.words[k];
    if (ok) found.add(phrase.cue, phrase.text, i);
  }
}

/** WordBits: the bits are worked out (a word with none of the others would read 0 otherwise). */
const KNOWN = 1;
/** WordBits: the word starts a cue phrase (compiled.byFirst has it). */
const STARTS_PHRASE = 2;
/** WordBits: compiled.participle holds for the word. */
const PARTICIPLE = 4;
/** WordBits: the word is one of UNNAMED_GROUP_WORDS. */
const GROUP_WORD = 8;

/** The claims' facts about one word of `language` (compiled is its cue lists), as bits. */
function claimWordBits(compiled: CompiledCues, language: Language, word: string): number {
  let bits = KNOWN;
  if (phrasesStartedBy(compiled, word)) bits |= STARTS_PHRASE;
  if (compiled.participle(word)) bits |= PARTICIPLE;
  if (UNNAMED_GROUP_FILTER[language].mayHave(word) && UNNAMED_GROUP_SET[language].has(word)) bits |= GROUP_WORD;
  return bits;
}

/**
 * The bits of a sentence's words (claimWordBits), worked out once per word id when the tokens carry
 * ids (a byte per word in WordIds.bitsFor, kept with the cue lists as owner), else word by word.
 */
class WordBits {
  private readonly byId: Uint8Array | null;

  constructor(
    private readonly words: string[],
    private readonly tokens: readonly Token[],
    private readonly compiled: CompiledCues,
    private readonly language: Language,
    wordIds: WordIds | null,
  ) {
    this.byId = wordIds ? wordIds.bitsFor(compiled) : null;
  }

  /** The bits of words[i]. */
  at(i: number): number {
    const word = this.words[i];
    const id = this.tokens[i].id;
    // The first word may be lowered (see sentenceFacts): then it is not the token's word.
    if (this.byId === null || id < 0 || word !== this.tokens[i].text) return claimWordBits(this.compiled, this.language, word);
    let bits = this.byId[id];
    if (bits === 0) {
      bits = claimWordBits(this.compiled, this.language, word);
      this.byId[id] = bits;
    }
    return bits;
  }

  /** True when a word of the sentence has `bit`. */
  some(bit: number): boolean {
    for (let i = 0; i < this.words.length; i++) if (this.at(i) & bit) return true;
    return false;
  }
}

/** The cues a sentence's words carry, each with every place it was found. */
function matchCues(words: string[], original: string, compiled: CompiledCues, bits: WordBits): FoundCues {
  const found = new FoundCues(compiled.cues.length);
  for (let i = 0; i < words.length; i++) {
    if (bits.at(i) & STARTS_PHRASE) matchPhrases(compiled.byFirst.get(words[i]), words, i, false, found);
    // A capitalised noun cue at the start of a sentence ("Kritiker halten …") was lowered with the rest.
    if (i === 0 && original !== words[0]) matchPhrases(phrasesStartedBy(compiled, original), words, 0, true, found);
    if (words[i].length >= 6 && compiled.superlative(words, i)) found.add(compiled.comparison, words[i], i);
  }
  return found;
}

/**
 * Marks the words of subordinate clauses: from a subordinator at the start of the sentence or after a
 * comma (or a relative pronoun after a comma) to the next comma, colon, semicolon, dash or bracket.
 * @param reported true when the sentence attributes: its "dass"/"that" clause is then what is reported.
 */
function subordinateClauses(tokens: Token[], words: string[], compiled: CompiledCues, language: Language, reported: boolean): Uint8Array {
  const sub = new Uint8Array(words.length);
  let inSub = false;
  let clauseStart = true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const dash = w === '-' && tokens[i].spaceBefore && (tokens[i + 1]?.spaceBefore ?? true);
    if (CLAUSE_BREAKS.has(w) || dash) {
      inSub = false;
      clauseStart = true;
      continue;
    }
    if (clauseStart) {
      inSub = (compiled.subordinators.has(w) && !(reported && compiled.complements.has(w))) || (i > 0 && RELATIVES[language].has(w));
      clauseStart = false;
    }
    if (inSub) sub[i] = 1;
  }
  // A clause that opens the sentence and runs to its end is its subject ("Whether it pays off remains to be seen").
  if (sub[0] && sub[words.length - 1] && sub.every((x) => x === 1)) sub.fill(0);
  return sub;
}

/** The index of a colon that ends a lead-in ("Für Anleger bleibt der Markt spannend: Die Aktien …"), or -1. */
function leadInColon(tokens: Token[]): number {
  for (let i = tokens.length - 2; i > 0; i--) {
    if (tokens[i].text !== ':' || !tokens[i + 1].spaceBefore) continue;
    let after = 0;
    for (let k = i + 1; k < tokens.length; k++) if (tokens[k].kind === 'word') after++;
    return after >= 4 ? i : -1;
  }
  return -1;
}

/** The index of the first token at or after `offset`. */
function tokenAt(tokens: Token[], offset: number, from = 0): number {
  let k = from;
  while (k < tokens.length && tokens[k].start < offset) k++;
  return k;
}

/** The index of the word right after a name, past a parenthesis ("DingTalk (Alibabas Version von Slack) hilft …"), or -1. */
function wordAfter(tokens: Token[], k: number): number {
  if (tokens[k]?.text === '(') {
    const limit = Math.min(tokens.length, k + 20);
    while (k < limit && tokens[k].text !== ')') k++;
    k++;
  }
  return tokens[k]?.kind === 'word' ? k : -1;
}

/** A list item (its marker blanked to spaces before it on its line) or a table row: data even without a verb. */
function isRow(text: string, span: Span, tokens: Token[]): boolean {
  let pipes = 0;
  for (const t of tokens) if (t.text === '|' && ++pipes >= 2) return true;
  // Look back a few characters only: a long paragraph must not be scanned once per sentence.
  let spaces = 0;
  for (let i = span.start - 1; i >= 0 && i >= span.start - 8; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return spaces > 0;
    if (c !== 32) return false;
    spaces++;
  }
  return spaces > 0 && span.start - spaces === 0;
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}

/**
 * A verb the word lists do not know, found by its position: right after a sentence-initial name
 * ("Huawei verschickt", "Cerebras files"; not after a German genitive, "Alibabas strategische …"), first in
 * a German main clause after a fronted subordinate clause ("Da …, decken sich …"), or a participle
 * after "is" ("Oracle is building").
 */
function verbByPosition(
  span: Span, tokens: Token[], words: string[], sub: () => Uint8Array, entities: EntityFinding[], compiled: CompiledCues, language: Language,
  cueWords: ReadonlySet<number>,
): Hit | null {
  let k = 0;
  for (const entity of entities) {
    const initial = entity.start <= span.start || entity.start === tokens[0]?.start;
    if (language === 'de' && !initial) break;
    k = tokenAt(tokens, entity.end, k);
    const genitive = language === 'de' && entity.text.endsWith('s') && !entity.canonical.endsWith('s');
    const next = genitive ? -1 : wordAfter(tokens, k);
    if (next >= 0 && compiled.verbAfterName(words[next], initial) && !cueWords.has(next)) return { phrase: words[next], index: next };
  }
  if (language === 'de' && compiled.subordinators.has(words[0]) && sub()[0]) {
    const clauses = sub();
    for (let i = 1; i < words.length; i++) {
      if (clauses[i] || words[i - 1] !== ',') continue;
      // Not a modal: "…, könnte man meinen" hedges; it asserts nothing.
      return /^\p{Ll}{2,}$/u.test(words[i]) && !GERMAN_NOT_MAIN_VERBS.has(words[i]) && !GERMAN_MODALS.has(words[i]) ? { phrase: words[i], index: i } : null;
    }
  }
  for (let i = 1; i < words.length; i++) if (compiled.progressive(words, i)) return { phrase: `${words[i - 1]} ${words[i]}`, index: i };
  return null;
}

/** "… wird als „stochastisches“ Verhalten bezeichnet": a passive naming defines rather than reports. */
function namingPassive(words: string[], language: Language): string | null {
  if (language !== 'de') return null;
  const als = words.indexOf('als');
  if (als < 0) return null;
  for (let i = als + 1; i < words.length; i++) {
    if (words[i] === 'bezeichnet' || words[i] === 'genannt') {
      return words.some((w) => w === 'wird' || w === 'werden' || w === 'wurde' || w === 'wurden') ? `als … ${words[i]}` : null;
    }
  }
  return null;
}

/**
 * What the cue rules find in one sentence: the facts the signals of claimSignals.ts are read from.
 * @param numbers and `entities` are those inside the sentence, with offsets in the same string as `span`.
 * @param wordIds the analyser's word ids that `tokens` carry, if any (see WordBits).
 */
export function sentenceFacts(
  text: string,
  span: Span,
  numbers: NumberFinding[],
  entities: EntityFinding[],
  language: Language,
  tokens: Token[] = tokenize(text, span.start, span.end),
  wordIds: WordIds | null = null,
): SentenceFacts {
  const sentence = text.slice(span.start, span.end);
  const figures = numbers.filter((n) => n.type !== 'date' && n.type !== 'year');
  const dates = numbers.filter((n) => n.type === 'date' || n.type === 'year');
  const digits = figures.some((n) => /\d/.test(n.text));
  const figured = figures.length > 0 || dates.length > 0;
  // "@USER" in a comment is a reply, not a name.
  const names: string[] = [];
  for (const e of entities) {
    // Each name once, in the order of the sentence.
    if (!e.text.startsWith('@') && text.charCodeAt(e.start - 1) !== 64 && !names.includes(e.canonical)) names.push(e.canonical);
  }
  const compiled = language === 'de' ? GERMAN : ENGLISH;
  const words = tokens.map((t) => t.text);
  const original = words[0] ?? '';
  // A sentence-initial verb or adjective is capitalised only because it comes first.
  if (words.length) words[0] = lowerFirst(words[0]);
  const bits = new WordBits(words, tokens, compiled, language, wordIds);
  const found = matchCues(words, original, compiled, bits);
  const attributed = found.has(compiled.attribution);
  // Clause structure is worked out only when a rule asks for it.
  let clauses: Uint8Array | null = null;
  const sub = () => (clauses ??= subordinateClauses(tokens, words, compiled, language, attributed));

  // "hält … für" is an opinion; "hält einen Anteil" holds something.
  const eventHits = found.get(compiled.event);
  if (eventHits && language === 'de') {
    const lastFor = words.lastIndexOf('für');
    const isOpinion = (h: Hit) => GERMAN_HOLD.has(h.phrase) && h.index < lastFor;
    const opinions = eventHits.filter(isOpinion);
    if (opinions.length) {
      const rest = eventHits.filter((h) => !isOpinion(h));
      if (rest.length) found.set(compiled.event, rest);
      else found.delete(compiled.event);
      found.set(compiled.reportedOpinion, [...(found.get(compiled.reportedOpinion) ?? []), { phrase: `${opinions[0].phrase} … für`, index: opinions[0].index }]);
    }
  }
  const hits = found.get(compiled.event);
  const listed = hits?.find((h) => !compiled.auxiliary.has(h.phrase));
  // A word that already counts against the sentence ("Zuckerberg wants …") is not its event.
  const cueWords = new Set<number>();
  if (!listed) for (const c of compiled.cues) if (PENALTIES.has(c.category)) for (const h of found.get(c) ?? []) cueWords.add(h.index);
  const byPosition = listed ? null : verbByPosition(span, tokens, words, sub, entities, compiled, language, cueWords);
  const event = listed ?? byPosition ?? hits?.[0];
  const fullVerb = event !== undefined && !compiled.auxiliary.has(event.phrase);
  if (!found.has(compiled.prediction) && mayHaveYearAfterBis(sentence) && YEAR_AFTER_BIS.test(sentence)) found.set(compiled.prediction, [{ phrase: 'bis/by + year', index: -1 }]);

  // Which penalties count: hedges, demands and intentions only in the main clause; an evaluative
  // lead-in before a colon not, when a verb follows it ("Für Anleger bleibt der Markt spannend: Die Aktien stiegen …").
  const colon = leadInColon(tokens);
  let verbAfterColon = false;
  if (colon >= 0) {
    const participleAfterColon = words.some((w, i) => i > colon && compiled.participle(w));
    verbAfterColon = (hits ?? []).some((h) => h.index > colon && (!compiled.auxiliary.has(h.phrase) || participleAfterColon));
  }
  const penalties = new Map<string, string>();
  const cues = new Map<string, string>();
  for (const c of compiled.cues) {
    const cueHits = found.get(c);
    if (!cueHits || c.category === 'event') continue;
    if (!PENALTIES.has(c.category)) {
      cues.set(c.category, cueHits[0].phrase);
      continue;
    }
    if (c.category === 'intention' && figured) continue;
    let kept = cueHits;
    if (MAIN_CLAUSE_ONLY.has(c.category)) kept = kept.filter((h) => h.index < 0 || !sub()[h.index]);
    if ((c.category === 'evaluative' || c.category === 'intensifier') && verbAfterColon) kept = kept.filter((h) => h.index > colon);
    if (kept.length) penalties.set(c.category, kept[0].phrase);
  }
  // "Altman wrote that R1 was 'an impressive model'": the source is real, what it says an opinion, a guess or a plan.
  // A hedge alone does not ("setzten wohl auf …, wie CNBC berichtet" is a hedged report of a fact).
  const reportsOpinion = !figures.length && [...penalties.keys()].some((c) => c !== 'intensifier' && c !== 'hedged');

  // Sentence shapes that describe, comment or narrate rather than assert.
  const compares = found.has(compiled.comparison);
  const plain = !figured && !compares && !attributed;
  const definitionShape = plain && !found.has(compiled.definition) ? definitionCopula(words, sub, compiled, language) ?? namingPassive(words, language) : null;
  // A question asks; it does not assert, however many figures it holds.
  const question = lastBeforeClosers(sentence) === '?';
  // A headline with a known full verb ("X launches Y") asserts as much as a sentence does.
  const unpunctuated = !'.!…:;'.includes(lastBeforeClosers(sentence) || ' ');
  const headline = !question && unpunctuated && !figures.length && !listed;
  // "Durch die Öffnung von Qwen hat Alibaba:" introduces a list; the items make the claims.
  const listIntro = !question && !headline && sentence.trimEnd().endsWith(':') && !fullVerb && !figures.length;
  // A list item or table row with a figure ("Bruttomarge: 59 Prozent") is data, however short.
  let content = 0;
  for (let i = 0; i < tokens.length && content < 4; i++) if (tokens[i].kind !== 'sym') content++;
  return {
    sentence, language, words, wordCount: wordCount(words), figures, dates, names,
    collectiveActor: names.length ? null : collectiveActor(sentence, language)?.[0] ?? null,
    unnamedGroup: unnamedGroup(sentence, span, tokens, words, original, language, bits),
    event: event?.phrase ?? null,
    fullVerb,
    eventByPosition: event !== undefined && event === byPosition,
    participle: bits.some(PARTICIPLE),
    cues, penalties, reportsOpinion, definitionShape,
    anaphora: plain && compiled.anaphora(words) ? original : null,
    aboutArticle: compiled.initial.some((p) => p.every((w, i) => words[i] === w)),
    question, headline, listIntro,
    headlineVerb: unpunctuated && listed ? listed.phrase : null,
    tooShort: content < 4 && !(digits && isRow(text, span, tokens)),
  };
}

/**
 * The hand-written rules as a scorer (what scoreSentence was): the weights of the signal table summed (claimSignals.ts,
 * ruleScore). `npm run eval` prints its figures next to the model's; the trainer starts from its weights.
 */
export const RULE_SCORER: ClaimScorer = {
  score: ruleScore,
  explain(facts, fired) {
    const reasons: ClaimReason[] = [];
    for (const f of fired) {
      const weight = signalWeight(f.signal, facts);
      if (weight > 0) reasons.push({ signal: f.signal.id, evidence: f.evidence, against: false });
    }
    for (const f of fired) {
      const weight = signalWeight(f.signal, facts);
      if (weight < 0 || (weight === 0 && f.signal.id === 'attributedOpinion')) reasons.push({ signal: f.signal.id, evidence: f.evidence, against: true });
    }
    return reasons;
  },
};

/**
 * "Der H20 ist eine abgespeckte Variante …", "Grok is a chatbot built by xAI": a copula near the start of the
 * main clause followed by an indefinite article describes what something is. Returns the copula and
 * article, or null. Not when a German participle makes the copula an auxiliary ("ist eine Partnerschaft eingegangen").
 */
function definitionCopula(words: string[], sub: () => Uint8Array, compiled: CompiledCues, language: Language): string | null {
  for (let c = 1; c < Math.min(words.length, 7); c++) {
    if (!compiled.copulas.has(words[c]) || sub()[c]) continue;
    // "Meta is building a data center" is an event in the progressive.
    if (words[c + 1]?.endsWith('ing')) return null;
    for (let k = c + 1; k <= c + 3 && k < words.length; k++) {
      if (!compiled.indefinite.has(words[k])) continue;
      // English has no perfect with "is"; "a model developed by Google" is still a description.
      if (language === 'de') for (let p = c + 1; p < words.length; p++) if (!sub()[p] && compiled.participle(words[p])) return null;
      return `${words[c]} … ${words[k]}`;
    }
    return null;
  }
  return null;
}

/**
 * Scores every sentence with `scorer` and returns those at or above the threshold as claims.
 * Tokens, numbers and entities must be sorted by start and index the same string as the sentences.
 * @param wordIds the analyser's word ids that `tokens` carry, if any (see WordBits).
 */
export function findClaims(
  text: string,
  sentences: Span[],
  tokens: Token[],
  numbers: NumberFinding[],
  entities: EntityFinding[],
  language: Language,
  threshold: number,
  scorer: ClaimScorer,
  wordIds: WordIds | null = null,
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
    const sentenceTokens = tokens.slice(t, tEnd);
    const facts = sentenceFacts(text, span, inNumbers, inEntities, language, sentenceTokens, wordIds);
    const fired = fireSignals(facts);
    const score = scorer.score(facts, fired);
    if (score < threshold) continue;
    const reasons = scorer.explain(facts, fired);
    claims.push({
      kind: 'claim', type: null, start: span.start, end: span.end, text: facts.sentence, score,
      reasons: reasons.map(reasonLine), signals: reasons, timeSensitive: findTimeSensitive(facts.sentence, sentenceTokens),
    });
  }
  return claims;
}
