/**
 * Guards against false entities. German capitalises every noun, so a capital letter says
 * little: these lists and the noun-shape heuristic keep common words out of the name rules.
 */
import { DEMONYMS, FUNCTION_WORDS, MONTHS, WEEKDAYS } from './vocabulary';
import { WordFilter } from './wordFilter';
import names from './data/names.json';

function set(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

export const GIVEN_NAMES: ReadonlySet<string> = new Set(names.givenNames);
export const CHINESE_SURNAMES: ReadonlySet<string> = new Set(names.chineseSurnames);

/** Upper-case words that are generic terms, not names. */
export const ACRONYM_STOPLIST = set(`
KI AI US LLM LLMs GPU GPUs CPU CPUs TPU TPUs NPU NPUs API APIs SDK SaaS IT BIP GDP CEO CEOs CFO CTO COO CIO CMO IPO IPOs ETF ETFs
PDF HTML URL FAQ PR HR B2B B2C AGI ASI ML NLP RAG OCR IoT VR AR XR TV PC PCs OK USB SSD HBM DRAM NAND EUV DUV RAM ROM LSD DNA RNA
ESG KPI ROI EBIT EBITDA EPS YoY QoQ ID UX UI OS IP VPN SMS GPS LTE ASIC ASICs FPGA SoC MoE RL RLHF SFT DPO CoT TTS STT ASR CV NER
GmbH AG SE KG KGaA Inc LLC PLC KMU MINT II III IV VI VII VIII IX XI XII XIII XIV XV XX
IS ON IN AT TO OF OR AND THE FOR NOT BUT ARE WAS IT IF BE BY AN AS NO SO DO GO WE ME MY HE SHE THEY YOU ALL NEW NOW WHY HOW WHAT WHO
ICH ES ER SIE DER DIE DAS UND IST EIN EINE MIT VON ZU NEU NEUE AUF FÜR WIE WAS WER DEN DEM
OMG CO2 COVID AIDS HIV NFT NFTs PhD MBA CSV JSON XML SQL CSS JS PHP IDE CLI GUI LAN WAN WLAN WiFi DSL ARPU CAGR QA DOI ISBN ISO DIN
BTC USD EUR GBP JPY CNY RMB HKD CHF KRW INR AUD CAD TWD
CAPEX OPEX TCO SLA SME SMEs R&D F&E FAQ HPC LPU DPU NVMe PCIe GDDR LLMOps MLOps DevOps GenAI XAI KYC AML
AGB AGBs EDV MwSt USt KGV KUV NGO NGOs ZB CEST CET UTC EST PST GMT AM PM
`);

/** Titles and roles: never part of a person's name span. */
export const TITLES = set(`
President Präsident Präsidentin Vice CEO Chief Executive Officer Founder Co-Founder Cofounder Gründer Gründerin Mitgründer Mitgründerin
Chairman Chairwoman Chair Minister Ministerin Secretary Senator Senatorin Governor Mayor Director Head Professor Professorin Prof Dr Mr Mrs Ms
Sir Dame Lord Lady Analyst Analystin Spokesperson Spokesman Spokeswoman Sprecher Sprecherin Commissioner Kommissar Kommissarin Chancellor
Kanzler Kanzlerin Bundeskanzler Bundeskanzlerin Prime King Queen Prince Judge General Admiral Representative Rep Sen Gov Chef Chefin
Firmenchef Firmenchefin Konzernchef Konzernchefin Vorstandschef Vorstandschefin Vorstand Vorsitzender Vorsitzende Direktor Direktorin
Leiter Leiterin Manager Managerin Investor Investorin Experte Expertin Forscher Forscherin Ex Herr Frau Mister Miss Doktor Senior Junior
`);

/** Generic phrases that English writers capitalise but that name nothing. */
export const GENERIC_CAPITALISED = set(`
Internet Web AI Artificial Intelligence Generative Machine Learning Deep Big Tech Cloud Data Open Source Large Language Model Models
Elo Nr Top Chatbot Chatbots Agent Agents Agentic Responsible Sovereign Physical Enterprise General Superintelligence Act Bill Law Rule Rules
Breaking Update Exclusive Analysis Opinion Editorial Related Read More Photo Image Video Source Sources Note Notes Disclosure
Celsius Fahrenheit Kelvin
`);

/** Nouns that introduce a name: "das Startup DeepSeek", "die Tech-Firma Kuaishou", "KI namens Kling". */
export const APPOSITION_NOUNS: ReadonlyMap<string, 'org' | 'product' | 'outlet' | 'person' | 'other'> = new Map([
  ...(['Startup', 'Start-up', 'Firma', 'Unternehmen', 'Konzern', 'Hersteller', 'Anbieter', 'Entwickler', 'Riese', 'Gigant',
    'Labor', 'Fonds', 'Investor', 'Vermögensverwalter', 'Marktforscher', 'Analysehaus', 'Beratung', 'Bank', 'Behörde',
    'Regulierer', 'Partei', 'Verband', 'Branchenverband', 'Digitalverband', 'Tochter', 'Mutterkonzern', 'Rivale', 'Konkurrent',
    'Holding', 'Gruppe', 'Plattformbetreiber', 'Chipkonzern', 'Chiphersteller', 'Autobauer', 'Halbleiterkonzern',
    'Softwarekonzern', 'Internetkonzern', 'Techkonzern', 'Versandhändler', 'Onlinehändler', 'Universität', 'Hochschule', 'Institut'] as const).map(
    (w) => [w, 'org'] as const,
  ),
  ...(['Modell', 'Sprachmodell', 'Chatbot', 'App', 'Plattform', 'Dienst', 'Chip', 'Prozessor', 'Software', 'Programm', 'Assistent',
    'Tool', 'Suchmaschine', 'Netzwerk', 'Kurznachrichtendienst', 'Messenger'] as const).map((w) => [w, 'product'] as const),
  ...(['Magazin', 'Finanzmagazin', 'Wirtschaftsmagazin', 'Fachmagazin', 'Nachrichtenmagazin', 'Zeitung', 'Wirtschaftszeitung',
    'Tageszeitung', 'Nachrichtenagentur', 'Agentur', 'Sender', 'Nachrichtensender', 'Portal', 'Newsportal', 'Fachportal', 'Blog',
    'Techblog', 'Onlinemagazin', 'Branchendienst', 'Medium'] as const).map((w) => [w, 'outlet'] as const),
  ...(['Chef', 'Chefin', 'CEO', 'Firmenchef', 'Konzernchef', 'Vorstandschef', 'Gründer', 'Gründerin', 'Mitgründer', 'Analyst',
    'Analystin', 'Sprecher', 'Sprecherin', 'Präsident', 'Präsidentin', 'Minister', 'Ministerin', 'Forscher', 'Forscherin',
    'Professor', 'Professorin', 'Investorin', 'Milliardär', 'Unternehmer', 'Unternehmerin', 'Informatiker', 'Informatikerin',
    'Ökonom', 'Ökonomin', 'Experte', 'Expertin', 'Pionier', 'Pionierin'] as const).map((w) => [w, 'person'] as const),
]);

/** Words after which a capitalised word names a source: "laut X", "according to X". */
export const SOURCE_TRIGGERS = set('laut namens genannt according via');
export const REPORTING_VERBS = set(
  'berichtet berichtete berichten meldet meldete melden schreibt schrieb schreiben sagte sagt erklärte erklärt zitiert zitierte reported reports wrote said says told',
);

/** Heads that make a capitalised run a company: "Zhipu AI", "DGA Group", "Nvidia Corp". */
export const CORPORATE_SUFFIXES = set(
  'AG SE GmbH Inc Corp Corporation University Universität Ltd Limited LLC plc PLC Group Holdings Holding Technologies Technology Labs Lab AI Capital Ventures Partners Intelligence Academy Institute Foundation Research Robotics Semiconductor Semiconductors Securities Systems Computing Motors Networks Platforms Bank Co Company Gruppe Stiftung Verlag',
);
/** Heads that precede a name: "Universität Berkeley", "University of Tokyo". */
export const INSTITUTION_HEADS = set('Universität Hochschule University Institut Institute College Bank Stiftung Ministerium Ministry Department');

/** Variant words of model names: "GPT-4 Turbo", "Claude 3.5 Sonnet", "o3-mini", "Qwen2.5-72B-Instruct". */
export const MODEL_VARIANTS = set(
  'Instruct instruct Turbo turbo mini Mini Pro pro Max max Plus plus Flash flash Sonnet Opus Haiku Ultra Nano nano Lite lite Preview preview Coder coder Math VL Omni omni Chat chat Base base Vision Large Medium Small Reasoner Thinking thinking Exp Experimental Distill Lightning Audio Realtime Air Edge Long Zero Code Speech High high Low low Deep Research Scout Maverick Behemoth Nemotron Vision-Language Next',
);

/** Typical endings of German common nouns and adjectives; names rarely end like this. */
/**
 * A test for "ends with one of `suffixes`", the suffixes grouped by their last character. (An
 * expression `(a|b|…)$` tries every alternative at every position of the word: the two noun-ending
 * tests were most of the entity guards' time in a profile.)
 */
function endsWithAny(suffixes: string): (word: string) => boolean {
  const byLast = new Map<number, string[]>();
  for (const suffix of suffixes.split('|')) {
    const last = suffix.charCodeAt(suffix.length - 1);
    byLast.set(last, [...(byLast.get(last) ?? []), suffix]);
  }
  return (word) => {
    const candidates = byLast.get(word.charCodeAt(word.length - 1));
    if (!candidates) return false;
    for (const suffix of candidates) if (word.endsWith(suffix)) return true;
    return false;
  };
}

const hasGermanNounEnding = endsWithAny('ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|sion|sionen|tät|täten|ismus|ismen|nis|nisse|nissen|chen|lein|ling|linge|lingen|tum|tümer|ment|mente|ik|iken|ie|ien|ei|eien|enz|enzen|anz|anzen|ur|uren|er|ern|en|el|eln|em|es|e');
/** Frequent German nouns (and their compound heads) that the endings above miss. */
const GERMAN_NOUNS = set(`
Markt Märkte Staat Preis Preise Chip Chips Geld Welt Zeit Arbeit Stadt Land Weg Blick Teil Punkt Fall Kurs Wert Plan Bild Wort Text Ziel
Erfolg Verlust Gewinn Gewinne Umsatz Konzern Bericht Angaben Analyst Daten Dienst Modell Modelle Netz Code Kunde Chef Start Deal Trend
Test Tool Tools Post Blog Fonds Import Export Zoll Zölle Job Jobs Team Teams Plattform System Systeme Programm Projekt Produkt Produkte
Konkurrent Investor Rekord Sektor Standort Betrieb Rat Bund Kreis Verband Amt Gericht Gesetz Recht Vertrag Vorstand Aufsicht Schritt
Stand Status Kampf Krieg Streit Druck Raum Hand Kopf Fuß Haus Hof Ort Sitz Staaten Länder Kunden Nutzer Nutzern Firmen Leute Menschen
Mensch Frau Mann Kind Tag Jahr Monat Woche Abend Morgen Nacht Quartal Ende Anfang Mitte Beginn Sieg Ruf Auftrag Antrag Einsatz Ansatz
Umfeld Umgang Zugang Zugriff Ausbau Aufbau Abbau Anteil Beitrag Betrag Vorteil Nachteil Einfluss Überblick Ausblick Rückgang Anstieg
Fortschritt Durchbruch Wettbewerb Wettlauf Vorsprung Rückstand Nachholbedarf Fokus Kontext Grund Gründe Boom Hype Crash Schock Rally
Aktie Aktien Anleger Börse Index Dollar Euro Milliarden Millionen Billionen Prozent Rechenzentrum Rechenzentren Halbleiter Software
Hardware Internet Cloud Server Speicher Netzwerk Algorithmus Algorithmen Chatbot Chatbots Assistent Agent Agenten Roboter Forschung
Branche Branchen Industrie Wirtschaft Politik Regierung Regierungen Behörden Verbraucher Unternehmer Startups Startup Konzerne
Open Source Source Tech Talent Talente Gigant Giganten Riese Riesen KI-Modell Sprachmodell Sprachmodelle Technologie Technologien
`);

/**
 * True when a capitalised German word looks like a common noun or adjective rather than a name.
 * Used only for words no lexicon entry or name shape already claims.
 */
export function looksLikeGermanWord(word: string): boolean {
  // Names are short; a very long run of letters is never one (and must not cost quadratic time).
  if (word.length > 40) return true;
  // A genitive of a common noun: "Digitalverbands", "Herstellers", "Unternehmens", "Marktes".
  if (word.length >= 8 && word.endsWith('s') && !word.endsWith('ss')) {
    const stem = word.slice(0, -1);
    if (looksLikeGermanStem(stem) || (stem.endsWith('e') && looksLikeGermanStem(stem.slice(0, -1)))) return true;
  }
  return looksLikeGermanStem(word);
}

function looksLikeGermanStem(word: string): boolean {
  if (GERMAN_NOUNS.has(word)) return true;
  if (/[äöüß]/.test(word)) return true;
  if (word.length > 4 && hasGermanNounEnding(word)) return true;
  // Compounds whose head is a known noun: "Chipkonzern", "Rechenleistung".
  const lower = word.toLowerCase();
  for (const length of NOUN_HEAD_LENGTHS) {
    if (length > word.length - 3) break;
    if (GERMAN_NOUN_HEADS.has(lower.slice(-length))) return true;
  }
  return false;
}

/** Endings that only common nouns have; surnames end in -e, -er, -el, -en as often as nouns do. */
const hasGermanAbstractEnding = endsWithAny('ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|sion|sionen|tät|täten|ismus|ismen|nis|nisse|nissen|chen|lein|tum|tümer|ment|mente');

/**
 * Stricter than looksLikeGermanWord, for the word after a known given name ("Sabine Lange",
 * "Katherina Reiche", "Michael Schulze"): true only for frequent nouns, compounds of them and
 * abstract-noun endings.
 */
export function looksLikeGermanNoun(word: string): boolean {
  if (word.length > 40 || GERMAN_NOUNS.has(word)) return true;
  if (word.length >= 8 && word.endsWith('s') && !word.endsWith('ss') && GERMAN_NOUNS.has(word.slice(0, -1))) return true;
  if (word.length > 5 && hasGermanAbstractEnding(word)) return true;
  const lower = word.toLowerCase();
  for (const length of NOUN_HEAD_LENGTHS) {
    if (length > word.length - 3) break;
    if (GERMAN_NOUN_HEADS.has(lower.slice(-length))) return true;
  }
  return false;
}

const GERMAN_NOUN_HEADS: ReadonlySet<string> = new Set([...GERMAN_NOUNS].filter((n) => n.length >= 4).map((n) => n.toLowerCase()));
const NOUN_HEAD_LENGTHS: readonly number[] = [...new Set([...GERMAN_NOUN_HEADS].map((n) => n.length))].sort((a, b) => a - b);

/** The stop words matched as written (demonyms, months, weekdays, titles, generic acronyms), in one set. */
const STOP_WORDS_AS_WRITTEN: ReadonlySet<string> = new Set([...DEMONYMS, ...MONTHS, ...WEEKDAYS, ...TITLES, ...ACRONYM_STOPLIST]);
const AS_WRITTEN_FILTER = new WordFilter(STOP_WORDS_AS_WRITTEN);
const FUNCTION_WORD_FILTER = new WordFilter(FUNCTION_WORDS, true);

/**
 * Words that can never start or be a name on their own: a function word in any casing, or one of
 * the lists above as written. (Every capitalised word asks: two filters answer most of them without
 * lower-casing the word or hashing it for six sets.)
 * @param lower the word in lower case, when the caller has it already.
 */
export function isStopWord(word: string, lower?: string): boolean {
  if (AS_WRITTEN_FILTER.mayHave(word) && STOP_WORDS_AS_WRITTEN.has(word)) return true;
  return isFunctionWord(word, lower);
}

/** A function word in any casing ("Der", "the"), lower-cased only when the filter cannot tell. */
export function isFunctionWord(word: string, lower?: string): boolean {
  return FUNCTION_WORD_FILTER.mayHave(word) && FUNCTION_WORDS.has(lower ?? word.toLowerCase());
}

const GIVEN_NAME_FILTER = new WordFilter(GIVEN_NAMES);

/** GIVEN_NAMES.has(word), most words turned away without hashing them (every capitalised word asks). */
export function isGivenName(word: string): boolean {
  return GIVEN_NAME_FILTER.mayHave(word) && GIVEN_NAMES.has(word);
}

/** German gender forms written with an inner capital ("NutzerInnen"): not CamelCase names. */
export function isGenderForm(word: string): boolean {
  return /\p{Ll}(Innen|In)$/u.test(word) && /(er|ent|ant|eur|or|ist|og|at)(Innen|In)$/.test(word);
}

const PINYIN_SYLLABLE =
  '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)';
const PINYIN_WORD = new RegExp(`^(?:${PINYIN_SYLLABLE}){1,3}$`);

/** True for a romanised Chinese given name: "Wenfeng", "Jinping", "Qiang" (one to three syllables). */
export function isPinyinName(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word) && word.length <= 12 && PINYIN_WORD.test(word.toLowerCase()) && !FUNCTION_WORDS.has(word.toLowerCase());
}

/** Words a GermanWordVerdicts keeps before it starts afresh (a few MB at most). */
const VERDICT_LIMIT = 50_000;

/** GermanWordVerdicts' bits of a word: looksLikeGermanWord, looksLikeGermanNoun. */
export const LOOKS_GERMAN = 1;
export const GERMAN_NOUN = 2;

/**
 * looksLikeGermanWord and looksLikeGermanNoun, worked out together once per word: German nouns recur
 * from paragraph to paragraph, and every capitalised German word asks (the entity rules several
 * times). One `Map` for both, so that a word that asks both is hashed and found once. One per
 * analyser, shared by its blocks (they were cached per block before); bounded.
 */
export class GermanWordVerdicts {
  private readonly known = new Map<string, number>();

  /** LOOKS_GERMAN and GERMAN_NOUN of `word`, as bits. */
  of(word: string): number {
    let bits = this.known.get(word);
    if (bits === undefined) {
      if (this.known.size >= VERDICT_LIMIT) this.known.clear();
      bits = (looksLikeGermanWord(word) ? LOOKS_GERMAN : 0) | (looksLikeGermanNoun(word) ? GERMAN_NOUN : 0);
      this.known.set(word, bits);
    }
    return bits;
  }
}
