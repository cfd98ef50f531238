/**
 * Every example of sections 1 (Numbers) and 2 (Entities) of the gold-label guidelines
 * (/work/shared/gold/GUIDELINES.md), each inside a realistic German or English news sentence.
 * A case lists the spans that must be found (text, kind, type and, for numbers, the normalised
 * value where there is one) and the stretches where nothing of a kind may be found.
 */
import assert from 'node:assert/strict';
import { analyze, applyArticleYear, type AnalyzeOptions, type EntityFinding, type Finding, type NumberFinding } from '../../../src/core/analysis';
import { assertExactSpans } from './helpers';

type Kind = 'number' | 'entity';

interface Expected {
  kind: Kind;
  text: string;
  type: string;
  /** For numbers: the normalised value; undefined means "not checked". */
  value?: number | string | null;
}

interface Absent {
  kind: Kind;
  /** No finding of `kind` may overlap any occurrence of this text. */
  text: string;
}

interface Case {
  text: string;
  expect: Expected[];
  absent?: Absent[];
}

const num = (text: string, type: string, value?: number | string | null): Expected => ({ kind: 'number', text, type, value });
const ent = (text: string, type: string): Expected => ({ kind: 'entity', text, type });
const noNumber = (text: string): Absent => ({ kind: 'number', text });
const noEntity = (text: string): Absent => ({ kind: 'entity', text });

function spans(text: string, options?: AnalyzeOptions): (NumberFinding | EntityFinding)[] {
  const findings = analyze(text, options).findings;
  assertExactSpans(text, findings);
  return findings.filter((f): f is NumberFinding | EntityFinding => f.kind !== 'claim');
}

function show(findings: Finding[]): string {
  return JSON.stringify(findings.map((f) => `${f.kind}/${f.type}:${f.text}`));
}

function check(c: Case): void {
  const found = spans(c.text);
  for (const e of c.expect) {
    const hits = found.filter((f) => f.kind === e.kind && f.text === e.text);
    assert.ok(hits.length >= 1, `${e.kind} "${e.text}" not found in ${JSON.stringify(c.text)}; found ${show(found)}`);
    const hit = hits[0];
    assert.equal(hit.type, e.type, `type of ${e.kind} "${e.text}"; found ${show(found)}`);
    if (e.kind === 'number' && e.value !== undefined) {
      const value = (hit as NumberFinding).value;
      if (typeof e.value === 'number') {
        assert.ok(typeof value === 'number' && Math.abs(value - e.value) <= Math.abs(e.value) * 1e-9, `value of "${e.text}": ${JSON.stringify(value)}, expected ${e.value}`);
      } else {
        assert.equal(value, e.value, `value of "${e.text}"`);
      }
    }
  }
  for (const a of c.absent ?? []) {
    for (let at = c.text.indexOf(a.text); at >= 0; at = c.text.indexOf(a.text, at + 1)) {
      const end = at + a.text.length;
      const clash = found.filter((f) => f.kind === a.kind && f.start < end && f.end > at);
      assert.deepEqual(clash.map((f) => f.text), [], `no ${a.kind} expected in "${a.text}" of ${JSON.stringify(c.text)}; found ${show(found)}`);
    }
  }
}

function cases(title: string, list: Case[]): void {
  describe(title, () => {
    for (const c of list) it(c.text, () => check(c));
  });
}

describe('guidelines: numbers', () => {
  cases('inside the span: currency signs and words', [
    { text: 'DeepSeek says the final training run cost $5.576 million.', expect: [num('$5.576 million', 'money', 5.576e6)] },
    { text: 'Der Konzern will bis 2030 rund 266 Mrd. € in Rechenzentren investieren.', expect: [num('266 Mrd. €', 'money', 2.66e11)] },
    { text: 'Die Aktie schloss bei 118,42 Dollar.', expect: [num('118,42 Dollar', 'money', 118.42)] },
    {
      text: 'Der Umsatz lag bei 3 Milliarden US-Dollar, die Bewertung bei 15 Millionen Euro.',
      expect: [num('3 Milliarden US-Dollar', 'money', 3e9), num('15 Millionen Euro', 'money', 1.5e7)],
      absent: [noEntity('US-Dollar')],
    },
    {
      text: 'Die Alibaba-Aktie schloss in Hongkong bei 120,60 Hongkong-Dollar.',
      expect: [num('120,60 Hongkong-Dollar', 'money', 120.6), ent('Alibaba', 'org'), ent('Hongkong', 'place')],
      absent: [noEntity('Hongkong-Dollar')],
    },
    {
      text: 'The deal is worth US$2.5 billion, and the shares trade at HK$100.',
      expect: [num('US$2.5 billion', 'money', 2.5e9), num('HK$100', 'money', 100)],
      absent: [noEntity('US$'), noEntity('HK$')],
    },
  ]);

  cases('inside the span: scale words, written out or abbreviated', [
    {
      text: 'Das Startup erzielte 4,2 Mio. Euro Umsatz, die Bewertung stieg auf 2 Billionen Dollar. Die App hat 500 Millionen Nutzer.',
      expect: [num('4,2 Mio. Euro', 'money', 4.2e6), num('2 Billionen Dollar', 'money', 2e12), num('500 Millionen', 'quantity', 5e8)],
    },
    {
      text: 'OpenAI raised $6.6 billion while the market could reach $1 trillion.',
      expect: [num('$6.6 billion', 'money', 6.6e9), num('$1 trillion', 'money', 1e12)],
    },
    {
      text: 'Qwen2.5 supports a context window of 128K tokens, and the 3B model runs on a laptop.',
      expect: [num('128K', 'quantity', 128e3), num('3B', 'quantity', 3e9), ent('Qwen2.5', 'product')],
    },
  ]);

  cases('inside the span: units of measure', [
    {
      text: 'Der Kurs sank um 2,71 Prozent, während der Rivale 79.8% im Test erreichte.',
      expect: [num('2,71 Prozent', 'percent', 2.71), num('79.8%', 'percent', 79.8)],
    },
    {
      text: 'Die Prüfung dauert vier Wochen, nach anderthalb Jahren soll das Rechenzentrum fertig sein.',
      expect: [num('vier Wochen', 'quantity', 4), num('anderthalb Jahren', 'quantity', 1.5)],
    },
    {
      text: 'The review took one week, and the partnership runs for four years.',
      expect: [num('one week', 'quantity', 1), num('four years', 'quantity', 4)],
    },
    {
      text: 'Training DeepSeek-V3 took 2.788 million GPU hours on H800 chips.',
      expect: [num('2.788 million GPU hours', 'quantity', 2.788e6), ent('DeepSeek-V3', 'product'), ent('H800', 'product')],
    },
    {
      text: 'Der H20 bietet 96 GB Speicher und eine Bandbreite von 4,0 TB/s.',
      expect: [num('96 GB', 'quantity', 96), num('4,0 TB/s', 'quantity', 4), ent('H20', 'product')],
      absent: [noEntity('GB'), noEntity('TB')],
    },
    {
      text: 'The B200 delivers 8 TB/s, and the cluster draws 1 GW from 100 Megawatt turbines.',
      expect: [num('8 TB/s', 'quantity', 8), num('1 GW', 'quantity', 1), num('100 Megawatt', 'quantity', 100)],
      absent: [noEntity('TB/s'), noEntity('GW'), noEntity('Megawatt')],
    },
    {
      text: 'Der Hang-Seng-Index schloss bei 19.341,83 Punkte.',
      expect: [num('19.341,83 Punkte', 'quantity', 19341.83), ent('Hang-Seng-Index', 'other')],
    },
    {
      text: 'The Abilene campus will cover about 1 million square feet.',
      expect: [num('1 million square feet', 'quantity', 1e6), ent('Abilene', 'place')],
    },
  ]);

  cases('inside the span: rate denominators', [
    { text: 'Der Gewinn stieg auf 1,08 Dollar je Aktie.', expect: [num('1,08 Dollar je Aktie', 'money', 1.08)] },
    { text: 'DeepSeek assumed a rental price of $2 per GPU hour.', expect: [num('$2 per GPU hour', 'money', 2)] },
    {
      text: 'DeepSeek charges $0.55 per million input tokens and $2.19 per million output tokens.',
      expect: [num('$0.55 per million input tokens', 'money', 0.55), num('$2.19 per million output tokens', 'money', 2.19)],
    },
    { text: 'Nvidia erwartet Investitionen von 3-4 Billionen Dollar pro Jahr.', expect: [num('3-4 Billionen Dollar pro Jahr', 'range', null)] },
  ]);

  cases('inside the span: tolerance markers, frame words, "ein(e)" with a scale', [
    {
      text: 'Für das zweite Quartal erwartet Nvidia 45 Milliarden Dollar Umsatz, plus/minus zwei Prozent.',
      expect: [num('plus/minus zwei Prozent', 'percent', 2), num('45 Milliarden Dollar', 'money', 4.5e10), num('zweite Quartal', 'date')],
    },
    {
      text: 'In Frankreich stand Le Chat auf Platz drei, DeepSeek unter den Top 5 und ChatGPT auf No. 1 im App Store.',
      expect: [
        num('Platz drei', 'rank', 3), num('Top 5', 'rank', 5), num('No. 1', 'rank', 1),
        ent('Le Chat', 'product'), ent('ChatGPT', 'product'), ent('App Store', 'product'), ent('Frankreich', 'place'),
      ],
    },
    { text: 'Mit Version 2.5 verdoppelt Alibaba das Kontextfenster.', expect: [num('Version 2.5', 'version', 2.5), ent('Alibaba', 'org')] },
    {
      text: 'Das Projekt soll eine Billion Dollar kosten, ein Prozent fließt in die Forschung, eine Million Nutzer warten.',
      expect: [num('eine Billion Dollar', 'money', 1e12), num('ein Prozent', 'percent', 1), num('eine Million', 'quantity', 1e6)],
    },
  ]);

  cases('outside the span: approximators, "von"/"zwischen"/"from", temporal modifiers', [
    {
      text: 'Der Index stieg um rund 2 Prozent, knapp 5 Prozent, fast 7 Prozent, mehr als 10 Prozent und bis zu 12 Prozent.',
      expect: ['2', '5', '7', '10', '12'].map((n) => num(`${n} Prozent`, 'percent', +n)),
    },
    {
      text: 'The startup raised about $2 billion, more than $3 billion and up to $4 billion.',
      expect: [num('$2 billion', 'money', 2e9), num('$3 billion', 'money', 3e9), num('$4 billion', 'money', 4e9)],
    },
    {
      text: 'Der Anteil liegt zwischen 10 und 20 Prozent, von 30 Prozent war keine Rede.',
      expect: [num('10 und 20 Prozent', 'range', null), num('30 Prozent', 'percent', 30)],
    },
    { text: 'Revenue grew from $5 billion to $7 billion.', expect: [num('$5 billion', 'money', 5e9), num('$7 billion', 'money', 7e9)] },
    {
      text: 'Die Anlage soll Ende 2025 fertig sein, Anfang 2026 und Mitte 2027 folgen weitere.',
      expect: [num('2025', 'year', 2025), num('2026', 'year', 2026), num('2027', 'year', 2027)],
      absent: [noNumber('Ende'), noNumber('Anfang'), noNumber('Mitte')],
    },
  ]);

  cases('outside the span: the counted noun', [
    {
      text: 'An der Umfrage nahmen 604 Unternehmen teil, fünf Modelle wurden getestet.',
      expect: [num('604', 'count', 604), num('fünf', 'count', 5)],
    },
    {
      text: 'Llama 3.1 hat 405 Milliarden Parameter und wurde mit 18 Billionen Token trainiert.',
      expect: [num('405 Milliarden', 'quantity', 4.05e11), num('18 Billionen', 'quantity', 1.8e13), ent('Llama 3.1', 'product')],
      absent: [noNumber('Parameter'), noNumber('Token')],
    },
    { text: 'The cluster uses 1,700 GPUs.', expect: [num('1,700', 'count', 1700)], absent: [noNumber('GPUs')] },
  ]);

  cases('not labelled', [
    {
      text: 'Mistral veröffentlichte Mixtral 8x7B, OpenAI GPT-4o und Alibaba Qwen2.5-72B-Instruct; Nvidia liefert den H20, Xiaomi den F13.',
      expect: [ent('Mixtral 8x7B', 'product'), ent('GPT-4o', 'product'), ent('Qwen2.5-72B-Instruct', 'product'), ent('H20', 'product'), ent('F13', 'product')],
      absent: [noNumber('8x7B'), noNumber('4o'), noNumber('2.5-72B'), noNumber('H20'), noNumber('F13')],
    },
    {
      text: 'The model scored 79.8% on AIME 2024 and 97.3% on MATH-500 and is released under Apache 2.0.',
      expect: [num('79.8%', 'percent', 79.8), num('97.3%', 'percent', 97.3), ent('AIME 2024', 'other'), ent('MATH-500', 'other'), ent('Apache 2.0', 'other')],
      absent: [noNumber('2024'), noNumber('500'), noNumber('2.0')],
    },
    { text: 'Vor einem Jahr gründete ein Unternehmen im April ein Labor.', expect: [], absent: [noNumber('einem'), noNumber('ein Unternehmen'), noNumber('April')] },
    {
      text: 'Erste Beschränkungen gab es 2022, als DeepSeek first open-sourced its models.',
      expect: [num('2022', 'year', 2022)],
      absent: [noNumber('Erste'), noNumber('first')],
    },
    { text: 'Die Milliardäre verloren an einem Tag viel Geld.', expect: [], absent: [noNumber('Milliardäre'), noNumber('einem Tag')] },
  ]);

  cases('type money, including elliptical amounts', [
    {
      text: 'Der Börsenwert fiel von 121 Milliarden auf 100 Milliarden Dollar.',
      expect: [num('121 Milliarden', 'money', 1.21e11), num('100 Milliarden Dollar', 'money', 1e11)],
    },
    {
      text: 'Die Investitionen von 80 Milliarden Dollar übertreffen die 55,7 Milliarden des Vorjahres.',
      expect: [num('80 Milliarden Dollar', 'money', 8e10), num('55,7 Milliarden', 'money', 5.57e10)],
    },
  ]);

  cases('type percent', [
    { text: 'Die Marge stieg von 5 auf 7 Prozent.', expect: [num('5', 'percent', 5), num('7 Prozent', 'percent', 7)] },
  ]);

  cases('type date: day, month, quarter; an adjacent year is included', [
    {
      text: 'DeepSeek stellte R1 am 20. Januar vor, die App folgte am 26. Januar 2025, das Update am 14. April, ein Test im Juni 2024.',
      expect: [
        num('20. Januar', 'date', null), num('26. Januar 2025', 'date', '2025-01-26'), num('14. April', 'date', null),
        num('Juni 2024', 'date', '2024-06'),
      ],
    },
    {
      text: 'Nvidia shares fell 17% on January 27, and the model was updated on March 3, 2025.',
      expect: [num('17%', 'percent', 17), num('January 27', 'date', null), num('March 3, 2025', 'date', '2025-03-03'), ent('Nvidia', 'org')],
    },
    {
      text: 'Im ersten Quartal 2025 wuchs der Umsatz, für das zweite Quartal des Geschäftsjahres 2026 rechnet Nvidia mit mehr.',
      expect: [num('ersten Quartal 2025', 'date', '2025-Q1'), num('zweite Quartal', 'date', null), num('2026', 'year', 2026)],
    },
    {
      text: 'Revenue rose in Q3 2024 and in the first half of 2025, according to filings dated 2025-01-27 and 27.01.2025.',
      expect: [
        num('Q3 2024', 'date', '2024-Q3'), num('first half of 2025', 'date', '2025-H1'),
        num('2025-01-27', 'date', '2025-01-27'), num('27.01.2025', 'date', '2025-01-27'),
      ],
    },
  ]);

  cases('type year', [
    {
      text: 'Das Unternehmen wurde im Jahr 2019 gegründet und meldete für das Geschäftsjahr 2023 einen Rekord.',
      expect: [num('2019', 'year', 2019), num('2023', 'year', 2023)],
      absent: [noNumber('im Jahr'), noNumber('Geschäftsjahr')],
    },
    { text: 'Microsoft plans to spend $80 billion in fiscal 2025.', expect: [num('2025', 'year', 2025), num('$80 billion', 'money', 8e10)] },
  ]);

  cases('type quantity', [
    {
      text: 'Alibaba trainierte Qwen2.5 mit 20 Billionen Token, die Nvidia-Aktie notiert über der 200-Tage-Linie.',
      expect: [num('20 Billionen', 'quantity', 2e13), num('200-Tage', 'quantity', 200), ent('Nvidia', 'org')],
    },
  ]);

  cases('type range', [
    {
      text: 'Die Entwicklung dauert 12-18 Monate, der Umsatz soll 14 bis 18 Milliarden Dollar erreichen, die Modelle haben 0,5 bis 72 Milliarden Parameter.',
      expect: [num('12-18 Monate', 'range', null), num('14 bis 18 Milliarden Dollar', 'range', null), num('0,5 bis 72 Milliarden', 'range', null)],
    },
    {
      text: 'The plan covers 2025 to 2027, and the training data grew from 7 trillion to 18 trillion tokens.',
      expect: [num('2025 to 2027', 'range', null), num('7 trillion', 'quantity', 7e12), num('18 trillion', 'quantity', 1.8e13)],
    },
  ]);

  cases('type rank', [
    {
      text: 'Nvidia ist das zweitwertvollste Unternehmen der Welt und liegt auf Platz zwei.',
      expect: [num('zweitwertvollste', 'rank'), num('Platz zwei', 'rank', 2)],
    },
    {
      text: 'Countries in the second tier, such as India, face caps, while the app ranked No. 1 in the U.S.',
      expect: [num('second', 'rank', 2), num('No. 1', 'rank', 1), ent('India', 'place')],
    },
  ]);

  cases('type count', [
    {
      text: 'Drei Konzerne kontrollieren den Markt, DeepSeek nutzte 2.048 GPUs.',
      expect: [num('Drei', 'count', 3), num('2.048', 'count', 2048)],
    },
    { text: 'The lab employs six researchers and 604 engineers.', expect: [num('six', 'count', 6), num('604', 'count', 604)] },
  ]);

  cases('type number: scores, ratings, multipliers, fractions, proportions', [
    {
      text: 'DeepSeek-R1 achieved a Codeforces rating of 2,029 and a score of 85 on MMLU.',
      expect: [num('2,029', 'number', 2029), num('85', 'number', 85), ent('DeepSeek-R1', 'product'), ent('Codeforces', 'org'), ent('MMLU', 'other')],
    },
    {
      text: 'DeepSeek-R1 kam auf ein Codeforces-Rating von 2.029 und erreichte im MMLU einen Wert von 90,8.',
      expect: [num('2.029', 'number', 2029), num('90,8', 'number', 90.8), ent('Codeforces', 'org'), ent('MMLU', 'other')],
    },
    {
      text: 'Die Rechenleistung stieg fünfmal schneller, die Kosten sind doppelt so hoch, die Aktie wird mit dem 20-Fachen des Umsatzes bewertet.',
      expect: [num('fünfmal', 'number'), num('doppelt', 'number'), num('20-Fachen', 'number', 20)],
    },
    {
      text: 'Die Hälfte der Firmen nutzt KI, ein Fünftel plant es, Zwei Drittel zögern noch.',
      expect: [num('Hälfte', 'number', 0.5), num('ein Fünftel', 'number', 0.2), num('Zwei Drittel', 'number', 2 / 3)],
    },
    { text: 'Acht von zehn Unternehmen nutzen KI.', expect: [num('Acht von zehn', 'number', 0.8)] },
    { text: 'Jedes dritte Unternehmen plant Investitionen in KI.', expect: [num('Jedes dritte', 'number', 1 / 3)] },
    { text: 'The new chip is three times as fast and 10x cheaper.', expect: [num('three times', 'number', 3), num('10x', 'number', 10)] },
  ]);
});

describe('guidelines: entities', () => {
  cases('org', [
    {
      text: 'Laut Bloomberg Intelligence und LSEG legte Nvidia zu, während der Bitkom und die SEC warnten.',
      expect: [ent('Bloomberg Intelligence', 'org'), ent('LSEG', 'org'), ent('Nvidia', 'org'), ent('Bitkom', 'org'), ent('SEC', 'org')],
    },
    { text: 'Grüne und SPD kritisierten den Plan, die Grünen forderten Nachbesserungen.', expect: [ent('Grüne', 'org'), ent('SPD', 'org'), ent('Grünen', 'org')] },
    { text: 'On Codeforces, DeepSeek-R1 beat most human programmers.', expect: [ent('Codeforces', 'org'), ent('DeepSeek-R1', 'product')] },
  ]);

  cases('product', [
    {
      text: 'Alibaba stellte Qwen 2.5 vor, DeepSeek-V3 und OpenAIs o1-1217 dienten als Vergleich.',
      expect: [ent('Qwen 2.5', 'product'), ent('DeepSeek-V3', 'product'), ent('o1-1217', 'product'), ent('OpenAIs', 'org')],
      absent: [noNumber('1217'), noNumber('2.5')],
    },
    {
      text: 'Nvidia darf den H20 nicht mehr liefern, die Blackwell-Chips sind ausverkauft und Huawei setzt auf Ascend.',
      expect: [ent('H20', 'product'), ent('Blackwell', 'product'), ent('Ascend', 'product'), ent('Huawei', 'org')],
      absent: [noEntity('Chips')],
    },
    {
      text: 'ChatGPT und Le Chat führen im App Store, Musk lobte Grok auf X.',
      expect: [ent('ChatGPT', 'product'), ent('Le Chat', 'product'), ent('App Store', 'product'), ent('X', 'product'), ent('Grok', 'product')],
    },
    {
      text: 'Qwen2.5-Max is available through Alibaba Cloud Model Studio, the company wrote on X.',
      expect: [ent('Alibaba Cloud Model Studio', 'product'), ent('X', 'product'), ent('Qwen2.5-Max', 'product')],
    },
    {
      text: 'Huawei ships the Ascend 910C, Anthropic released Claude Opus 4 and Alibaba Qwen3-235B-A22B.',
      expect: [ent('Ascend 910C', 'product'), ent('Claude Opus 4', 'product'), ent('Qwen3-235B-A22B', 'product')],
      absent: [noNumber('910'), noNumber('4 and')],
    },
  ]);

  cases('person: full name, later surname, titles excluded', [
    {
      text: 'Bundeswirtschaftsminister Robert Habeck traf Nvidia-Chef Jensen Huang, Huang sprach über Chips.',
      expect: [ent('Robert Habeck', 'person'), ent('Jensen Huang', 'person'), ent('Huang', 'person')],
      absent: [noEntity('Bundeswirtschaftsminister')],
    },
    {
      text: 'Bundeswirtschaftsministerin Katherina Reiche besuchte das Werk. Reiche sagte, der Standort sei wichtig.',
      expect: [ent('Katherina Reiche', 'person'), ent('Reiche', 'person')],
      absent: [noEntity('Bundeswirtschaftsministerin')],
    },
    {
      text: 'President Donald Trump met Dr. Lisa Su at the White House.',
      expect: [ent('Donald Trump', 'person'), ent('Lisa Su', 'person'), ent('White House', 'place')],
      absent: [noEntity('President'), noEntity('Dr.')],
    },
    {
      text: 'Bitkom-Präsident Ralf Wintergerst stellte die Studie vor. Wintergerst sagte, KI sei entscheidend.',
      expect: [ent('Bitkom', 'org'), ent('Ralf Wintergerst', 'person'), ent('Wintergerst', 'person')],
    },
    {
      text: 'Liang Wenfeng gründete DeepSeek in Hangzhou. Liang sagte, das Modell sei günstig.',
      expect: [ent('Liang Wenfeng', 'person'), ent('Liang', 'person'), ent('Hangzhou', 'place')],
    },
  ]);

  cases('place, outlet', [
    {
      text: 'Trump announced Stargate at the White House after hosting Masayoshi Son at Mar-a-Lago.',
      expect: [ent('White House', 'place'), ent('Mar-a-Lago', 'place'), ent('Stargate', 'other'), ent('Masayoshi Son', 'person')],
    },
    {
      text: 'According to Bloomberg, Reuters, CNBC and the Financial Times, Nvidia shares fell in New York.',
      expect: [ent('Bloomberg', 'outlet'), ent('Reuters', 'outlet'), ent('CNBC', 'outlet'), ent('Financial Times', 'outlet'), ent('New York', 'place')],
    },
  ]);

  cases('other: indices, benchmarks, rules, licences, awards, projects', [
    {
      text: 'The Nasdaq Composite fell 3.1%, and Huang lost $20 billion according to the Bloomberg Billionaires Index.',
      expect: [ent('Nasdaq Composite', 'other'), ent('Bloomberg Billionaires Index', 'other'), ent('Huang', 'person')],
    },
    { text: 'Der Hang-Seng-Index stieg, während der DAX nachgab.', expect: [ent('Hang-Seng-Index', 'other'), ent('DAX', 'other')] },
    {
      text: 'The Kospi rose 2%, while the Taiex and the Nikkei 225 slipped.',
      expect: [ent('Kospi', 'other'), ent('Taiex', 'other'), ent('Nikkei 225', 'other')],
      absent: [noNumber('225')],
    },
    { text: 'On Arena-Hard and MMLU the model beat GPT-4o.', expect: [ent('Arena-Hard', 'other'), ent('MMLU', 'other'), ent('GPT-4o', 'product')] },
    {
      text: 'The Framework for Artificial Intelligence Diffusion sorts countries into three tiers.',
      expect: [ent('Framework for Artificial Intelligence Diffusion', 'other'), num('three', 'count', 3)],
    },
    {
      text: 'DeepSeek released R1 under the MIT License, while Alibaba chose Apache 2.0.',
      expect: [ent('MIT License', 'other'), ent('Apache 2.0', 'other')],
    },
    { text: 'Das Berliner Startup erhielt den Deutschen KI-Preis.', expect: [ent('Deutschen KI-Preis', 'other')] },
    {
      text: 'OpenAI, SoftBank und Oracle wollen über Stargate investieren, das Stargate-Projekt startet in Texas.',
      expect: [ent('OpenAI', 'org'), ent('SoftBank', 'org'), ent('Oracle', 'org'), ent('Texas', 'place')],
    },
  ]);

  describe('project names in compounds', () => {
    it('labels "Stargate" in "Stargate-Projekt" as the name part only', () => {
      const found = spans('Das Stargate-Projekt startet in Texas.').filter((f) => f.kind === 'entity').map((f) => `${f.type}:${f.text}`);
      assert.deepEqual(found, ['other:Stargate', 'place:Texas']);
    });
  });

  cases('surface rules: genitive and possessive', [
    {
      text: 'Alibabas Qwen-Modelle und Mistrals Le Chat konkurrieren mit Europas und Chinas Anbietern.',
      expect: [ent('Alibabas', 'org'), ent('Mistrals', 'org'), ent('Europas', 'place'), ent('Chinas', 'place'), ent('Le Chat', 'product')],
    },
    { text: "Nvidia's shares fell after Mistral's launch.", expect: [ent('Nvidia', 'org'), ent('Mistral', 'org')], absent: [] },
  ]);

  cases('surface rules: hyphen compounds', [
    {
      text: 'Die Nvidia-Aktie fiel nach dem DeepSeek-Schock, H20-Chips und China-Varianten sind betroffen.',
      expect: [ent('Nvidia', 'org'), ent('DeepSeek', 'org'), ent('H20', 'product'), ent('China', 'place')],
      absent: [noEntity('Aktie'), noEntity('Schock'), noEntity('Chips'), noEntity('Varianten')],
    },
    { text: 'Abu Dhabi-based MGX joined the round.', expect: [ent('Abu Dhabi', 'place'), ent('MGX', 'org')], absent: [noEntity('based')] },
    { text: 'Der Ex-Meta-Wissenschaftler gründete ein Labor in Paris.', expect: [ent('Meta', 'org'), ent('Paris', 'place')], absent: [noEntity('Ex'), noEntity('Wissenschaftler')] },
    {
      text: 'Die Schwarz-Gruppe baut ein Rechenzentrum, die US-Regierung verlangt 15 Prozent der Erlöse für die US-Staatskasse.',
      expect: [ent('Schwarz-Gruppe', 'org'), ent('US-Regierung', 'org'), ent('US-Staatskasse', 'org'), num('15 Prozent', 'percent', 15)],
    },
    { text: 'Der iPhone-Konzern kündigte neue KI-Funktionen an.', expect: [ent('iPhone', 'product')], absent: [noEntity('Konzern')] },
  ]);

  cases('not entities', [
    {
      text: 'US-Konzerne zahlen in US-Dollar, und chinesische Firmen leiden unter den Exportkontrollen.',
      expect: [],
      absent: [noEntity('US-Konzerne'), noEntity('US-Dollar'), noEntity('chinesische')],
    },
    {
      text: 'U.S. export controls hit American and German companies, and every LLM needs a GPU.',
      expect: [],
      absent: [noEntity('U.S.'), noEntity('American'), noEntity('German'), noEntity('LLM'), noEntity('GPU')],
    },
    {
      text: 'Der Chipkonzern meldete Rekordzahlen, KI verändert die Branche, das Sprachmodell ist chinesisch, sagte ein Deutscher.',
      expect: [],
      absent: [noEntity('Chipkonzern'), noEntity('KI'), noEntity('Sprachmodell'), noEntity('chinesisch'), noEntity('Deutscher')],
    },
  ]);
});

describe('guidelines: the same rules on other wordings', () => {
  cases('numbers', [
    {
      text: 'Das 500-Milliarden-Dollar-Projekt soll die Drei-Billionen-Dollar-Marke knacken, das 2-Prozent-Ziel gilt weiter.',
      expect: [num('500-Milliarden-Dollar', 'money', 5e11), num('Drei-Billionen-Dollar', 'money', 3e12), num('2-Prozent', 'percent', 2)],
    },
    {
      text: 'DeepSeek verlangt 0,55 Dollar je eine Million Input-Token, die Kosten sanken um den Faktor 10.',
      expect: [num('0,55 Dollar je eine Million Input-Token', 'money', 0.55), num('Faktor 10', 'number', 10)],
    },
    {
      text: 'Im Geschäftsjahr 2024/25 stieg der Umsatz auf 130,5 Mrd. US$, am 21.1. folgte die Prognose.',
      expect: [num('2024/25', 'year', 2024), num('130,5 Mrd. US$', 'money', 1.305e11), num('21.1.', 'date', null)],
      absent: [noEntity('US$')],
    },
    {
      text: 'Die TikTok-Mutter ByteDance plant Ausgaben von 12 Milliarden Dollar; davon entfallen rund 5,5 Milliarden auf Chips.',
      expect: [num('12 Milliarden Dollar', 'money', 1.2e10), num('5,5 Milliarden', 'money', 5.5e9), ent('ByteDance', 'org'), ent('TikTok', 'product')],
    },
    {
      text: 'Qwen2.5 models range from 0.5 billion to 72 billion parameters.',
      expect: [num('0.5 billion to 72 billion', 'range', null)],
    },
    { text: 'Die Fabrik fertigt Chips mit sieben Nanometern.', expect: [num('sieben Nanometern', 'quantity', 7)] },
    {
      text: 'The model scored 86.1 on MMLU-redux, and its Elo rating is 1,402 on LMArena.',
      expect: [num('86.1', 'number', 86.1), num('1,402', 'number', 1402), ent('MMLU-redux', 'other')],
      absent: [noEntity('Elo')],
    },
    { text: 'The startup raised $600 million in a Series B round.', expect: [num('$600 million', 'money', 6e8)], absent: [noEntity('Series B')] },
    {
      text: 'Die Zahl der Nutzer stieg von 300 auf 400 Millionen, OpenAI erwartet 125 Milliarden Dollar, 2024 waren es 3,7 Milliarden.',
      expect: [num('300', 'quantity', 3e8), num('400 Millionen', 'quantity', 4e8), num('3,7 Milliarden', 'money', 3.7e9), num('2024', 'year', 2024)],
    },
    {
      text: 'Shares fell on the 27th of January, and the company is No. 2 in China; in Germany it is die Nummer 2.',
      expect: [num('27th of January', 'date', null), num('No. 2', 'rank', 2)],
    },
    { text: 'Der Konzern ist die Nummer 2 der Branche, das Modell unter den Top-10.', expect: [num('Nummer 2', 'rank', 2), num('Top-10', 'rank', 10)] },
    { text: 'Das KGV liegt beim 40-Fachen des Gewinns.', expect: [num('40-Fachen', 'number', 40)], absent: [noEntity('KGV')] },
  ]);

  cases('entities', [
    {
      text: 'Laut einer Umfrage des Digitalverbands Bitkom nutzen viele Firmen KI, sagte Sabine Lange vom Branchenverband.',
      expect: [ent('Bitkom', 'org'), ent('Sabine Lange', 'person')],
      absent: [noEntity('Digitalverbands')],
    },
    { text: 'Die Aktien von Hua Hong und Siemens Energy stiegen, im DAX legte SAP zu.', expect: [ent('Hua Hong', 'org'), ent('Siemens Energy', 'org'), ent('DAX', 'other'), ent('SAP', 'org')] },
  ]);
});

describe('guidelines: date values', () => {
  it('gives yearless dates the article year when it is known', () => {
    const text = 'Am 14. April stellte DeepSeek R1 vor, im zweiten Quartal folgte V3, am 3. März 2024 das erste Modell.';
    const dates = analyze(text).findings.filter((f): f is NumberFinding => f.kind === 'number' && f.type === 'date');
    assert.deepEqual(dates.map((d) => d.value), [null, null, '2024-03-03']);
    const resolved = applyArticleYear(dates, '2025-04');
    assert.deepEqual(resolved.map((d) => d.value), ['2025-04-14', '2025-Q2', '2024-03-03']);
    // The input is not changed: findings are cached and shared.
    assert.deepEqual(dates.map((d) => d.value), [null, null, '2024-03-03']);
    assert.equal(applyArticleYear(dates, null)[0].value, null);
  });

  it('reads English yearless dates with the article year', () => {
    const dates = analyze('Shares fell on January 27 and recovered in the second quarter.').findings.filter((f): f is NumberFinding => f.kind === 'number' && f.type === 'date');
    assert.deepEqual(applyArticleYear(dates, '2025-02-01').map((d) => d.value), ['2025-01-27', '2025-Q2']);
  });
});
