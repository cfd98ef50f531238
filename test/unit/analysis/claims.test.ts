import assert from 'node:assert/strict';
import { analyze, findTimeSensitive, sentenceFacts, type Language } from '../../../src/core/analysis';
import { claims } from './helpers';
import { lastBeforeClosers } from '../../../src/core/analysis/claimSignals';
import { random } from '../../support/random';

function only(text: string) {
  const found = claims(text);
  assert.equal(found.length, 1, `expected one claim in ${JSON.stringify(text)}, found ${found.length}`);
  return found[0];
}

function reasons(text: string): string {
  return only(text).reasons.join(' | ');
}

describe('analysis: claims', () => {
  it('gives the reasons behind a claim', () => {
    assert.match(reasons('Der Umsatz von Nvidia stieg im Jahr 2024 um 114 Prozent.'), /names a figure/);
    assert.match(reasons('Laut Reuters ist Nvidia das wertvollste Unternehmen der Welt.'), /attributes to a source \(laut\)/);
    assert.match(reasons('According to Bloomberg, Nvidia lost $593 billion in market value.'), /attributes to a source \(according to\)/);
    assert.match(reasons('DeepSeek-R1 ist besser als GPT-4o bei Mathematikaufgaben, zeigen 3 Benchmarks.'), /compares or ranks/);
    assert.match(reasons('Am 27. Januar 2025 stellte DeepSeek das Modell R1 vor.'), /gives a date/);
    assert.match(reasons('Analysts expect the market to reach $1.3 trillion by 2032.'), /predicts a figure/);
  });

  it('scores claims between 0 and 1, higher with more cues', () => {
    const strong = only('Laut Reuters stieg der Umsatz von Nvidia im Jahr 2024 um 114 Prozent auf 60,9 Milliarden Dollar.');
    assert.ok(strong.score > 0.45 && strong.score <= 1);
    const weaker = only('Nvidia stellte einen neuen Chip vor, der schneller als der H100 ist.');
    assert.ok(weaker.score < strong.score, `${weaker.score} < ${strong.score}`);
  });

  it('counts opinion, questions and hedges against a sentence', () => {
    assert.deepEqual(claims('Wird Nvidia im Jahr 2026 mehr als 200 Milliarden Dollar umsetzen?'), []);
    assert.deepEqual(claims('Ich finde, das ist das spannendste Modell des Jahres.'), []);
    assert.deepEqual(claims('Ob sich die Erholung hält, bleibt abzuwarten.'), []);
    const hedged = analyze('Nvidia could possibly gain some ground, I think.').findings.filter((f) => f.kind === 'claim');
    assert.deepEqual(hedged, []);
    const plain = only('Nvidia gained 3 percent on Monday.');
    const withHedge = claims('Nvidia perhaps gained 3 percent on Monday, I believe.');
    assert.ok(withHedge.length === 0 || withHedge[0].score < plain.score);
  });

  it('marks time-sensitive wording on the claim', () => {
    assert.deepEqual(only('Derzeit ist Nvidia mit 3,4 Billionen Dollar das wertvollste Unternehmen der Welt.').timeSensitive.map((w) => w.toLowerCase()), ['derzeit']);
    const en = only('The latest model currently leads the ranking with 1,402 points.').timeSensitive.map((w) => w.toLowerCase());
    assert.ok(en.includes('latest') && en.includes('currently'), JSON.stringify(en));
    assert.ok(findTimeSensitive('Bis 2030 sollen 500 Milliarden Dollar investiert werden.').some((w) => /bis 2030/i.test(w)));
    assert.ok(findTimeSensitive('Die jüngste Version ist aktuell die schnellste.').length >= 2);
    assert.deepEqual(findTimeSensitive('Das Modell wurde 2023 vorgestellt.'), []);
  });

  it('treats a copula alone as weaker than a full verb, and a headline with a full verb as a sentence', () => {
    assert.deepEqual(claims('Dies ist die Antwort von Alibaba.'), []);
    assert.match(reasons('Alibaba hat sein Modell Qwen veröffentlicht.'), /event or fact \(veröffentlicht\)/);
    assert.ok(claims('OpenAI, SoftBank and Oracle launch Stargate venture').length === 1);
    assert.deepEqual(claims('Offener Zugang | Beschränkt'), []);
  });

  it('counts a collective actor named by origin as a checkable subject', () => {
    assert.match(reasons('Die chinesische Regierung hat die KI-Entwicklung gefördert.'), /actor by origin/);
    assert.match(reasons('Chinese companies launched dozens of open models.'), /actor by origin/);
  });
});

/** True when the text holds exactly one claim. */
function isClaim(text: string): boolean {
  return claims(text).length === 1;
}

function assertClaims(texts: string[]): void {
  for (const text of texts) assert.ok(isClaim(text), `expected a claim: ${JSON.stringify(text)} → ${JSON.stringify(claims(text, { claimThreshold: 0 })[0]?.reasons)}`);
}

function assertNotClaims(texts: string[]): void {
  for (const text of texts) assert.deepEqual(claims(text), [], `expected no claim: ${JSON.stringify(text)} → ${JSON.stringify(claims(text)[0]?.reasons)}`);
}

describe('analysis: how a sentence ends', () => {
  it('reads the last punctuation before closing quotes and brackets as the expressions at the end did', () => {
    assert.equal(lastBeforeClosers('Wirklich?“'), '?');
    assert.equal(lastBeforeClosers('Sie kommt.)'), '.');
    assert.equal(lastBeforeClosers('»«”’'), '');
    const pieces = ['a', 'Ä', '7', ' ', '\u00a0', '\n', '?', '!', '.', '…', ':', ';', ',', '"', "'", '”', '“', '»', '«', ')', ']', '’', '(', '😀'];
    const next = random(5);
    const below = (n: number): number => Math.floor(next() * n);
    for (let round = 0; round < 5000; round++) {
      let s = '';
      for (let k = below(7); k > 0; k--) s += pieces[below(pieces.length)];
      const label = JSON.stringify(s);
      // As sentenceFacts and the exclamation signal use it, against the expressions they used.
      assert.equal(lastBeforeClosers(s) === '?', /\?["'”“»«)\]’]*$/.test(s), label);
      assert.equal(!'.!…:;'.includes(lastBeforeClosers(s) || ' '), !/[.!…:;]["'”“»«)\]’]*$/.test(s), label);
      assert.equal(lastBeforeClosers(s.trimEnd()) === '!', /!["'”“»«)\]’]*\s*$/.test(s), label);
      assert.equal(s.trimEnd().endsWith(':'), /:\s*$/.test(s), label);
    }
  });
});

describe('analysis: claims follow the labelling guidelines (section 3)', () => {
  it('labels what the guidelines call claims, in German and English', () => {
    assertClaims([
      // statistics and survey results
      'Laut einer Umfrage nutzen 42 Prozent der Firmen generative KI.',
      'A survey by Gartner found that 38% of companies run AI agents in production.',
      // financial figures, valuations and stock moves
      'Die Aktie von Arm fiel am Dienstag um 6 Prozent.',
      'Broadcom is now valued at more than $1 trillion.',
      // rankings and superlatives presented as facts
      'Nvidia ist das wertvollste Unternehmen der Welt.',
      'Claude ranks ahead of Gemini on the coding leaderboard.',
      // comparisons
      'Das Modell schneidet in Mathematikaufgaben besser als GPT-4o ab.',
      'The new Nvidia chips are faster than the H100.',
      // dated events
      'Am 12. März 2025 stellte Google das Modell Gemma 3 vor.',
      'Intel named Lip-Bu Tan chief executive in March 2025.',
      // terms of deals
      'Microsoft zahlt für die Lizenz 650 Millionen Dollar.',
      'AMD acquired server maker ZT Systems for $4.9 billion.',
      // facts attributed to a source
      'Laut Reuters hat Alibaba im vergangenen Jahr Anteile an Moonshot AI gekauft.',
      'Bloomberg reports that Microsoft is in talks to invest in Mistral.',
      // predictions or estimates that contain figures
      'Analysten erwarten für 2026 einen Umsatz von 200 Milliarden Dollar.',
      'IDC expects AI spending to reach $632 billion by 2028.',
      // a reported statement whose content is factual or gives a figure
      'Trump said the project would create more than 100,000 jobs, calling it "the largest AI infrastructure project in history."',
      'Musk wrote on X that SoftBank had "well under $10B secured."',
    ]);
  });

  it('does not label what the guidelines exclude, in German and English', () => {
    assertNotClaims([
      // questions
      'Wie lange kann Nvidia diesen Vorsprung halten?',
      "Is Nvidia's lead safe?",
      // opinions, evaluations and hedges
      'Die Bewertung von Mistral ist umstritten.',
      'Ob sich der Kurs von Nvidia erholt, bleibt abzuwarten.',
      'Whether the bet by SoftBank pays off remains to be seen.',
      // narrative transitions
      'Doch der Reihe nach.',
      'But first, a look back.',
      // background definitions
      'Der H20 ist eine abgespeckte Variante des H100, die Nvidia für den chinesischen Markt entwickelt hat.',
      'Grok is a chatbot built by xAI.',
      // reported opinions, characterisations or intentions
      'Altman called Stargate "the most important project of this era."',
      'Nvidia called the measure "an unprecedented overreach."',
      'Firmenchef Liang Wenfeng sprach von einem Durchbruch.',
      // headlines without a checkable assertion
      'Nvidia und die Macht der Chips',
    ]);
  });
});

describe('analysis: claim rules', () => {
  it('lets a hedge in a subordinate clause stand, but not one in the main clause', () => {
    assertClaims([
      'Weil die Nachfrage nachlassen könnte, kürzte Samsung die Produktion von Speicherchips.',
      'Although margins may shrink, Broadcom raised its dividend.',
    ]);
    assertNotClaims([
      'Samsung könnte die Produktion von Speicherchips bald kürzen.',
      'Broadcom may raise its dividend again.',
    ]);
  });

  it('counts a hedge in what a source is reported to have said', () => {
    assertNotClaims(['Schon damals hatte Firmenchef Pichai gesagt, dass Google vermutlich mehr Rechenzentren bauen müsse.']);
  });

  it('reads a copula with an indefinite article as a definition, unless it ranks, compares or is a perfect', () => {
    assertNotClaims([
      'Blackwell ist eine Chiparchitektur von Nvidia für Rechenzentren.',
      'Gemini is a multimodal model developed by Google.',
      'Für Anleger von Nvidia ist das eine gute Nachricht.',
    ]);
    assertClaims([
      'Nvidia ist eine Partnerschaft mit Foxconn eingegangen.',
      'Nvidia is the world\'s most valuable company.',
      'Meta is building a data center in Louisiana.',
    ]);
    assert.match(reasons('Samsung ist nach Umsatz der zweitgrößte Chiphersteller der Welt.'), /compares or ranks/);
  });

  it('reads a passive naming as a definition', () => {
    assertNotClaims(['Das Verfahren von DeepSeek wird als Mixture-of-Experts bezeichnet.']);
  });

  it('reads a sentence that starts with a pronoun pointing back as comment, unless it compares or holds a figure', () => {
    assertNotClaims(['Das zeigt, wie sehr Microsoft auf OpenAI angewiesen ist.', 'This shows how much Microsoft depends on OpenAI.']);
    assertClaims(['Das ist mehr als der Jahresumsatz von Intel.', 'This is 40% more than Intel earned in 2024.']);
  });

  it('knows reported opinions and characterisations, and "halten … für" from holding a stake', () => {
    assertNotClaims([
      'Kritiker halten den Deal zwischen Microsoft und Inflection für riskant.',
      'Analysten von Bernstein bezeichneten die Übernahme von Arm als zu teuer.',
      'TSMC gilt als unverzichtbarer Partner der Chipbranche.',
      'Bernstein analysts described the Arm deal as expensive.',
      'Nvidia is seen as the winner of the AI boom.',
      "Skeptics say Meta's spending plans look like a bet on hope.",
    ]);
    assertClaims(['Microsoft hält eine Minderheitsbeteiligung an Mistral.']);
  });

  it('reads an attributed judgement as an opinion, an attributed fact as a claim', () => {
    assertNotClaims([
      'Laut Sam Altman ist das neue Modell „beeindruckend“.',
      'Jensen Huang said the new chip was "an incredible achievement."',
    ]);
    assertClaims(['Laut Reuters hat Alibaba im vergangenen Jahr Anteile an Moonshot AI gekauft.', 'According to Reuters, Apple bought a stake in Anthropic.']);
  });

  it('reads an intention without a figure as no claim, a plan with a figure as one', () => {
    assertNotClaims(['Apple will seine Server-Chips künftig selbst entwickeln.', 'Amazon wants to build its own AI chips.', 'Musk wants xAI to catch up with OpenAI.']);
    assertClaims(['Apple will in vier Jahren 500 Milliarden Dollar in den USA investieren.', 'Amazon plans to spend $100 billion on data centres this year.']);
  });

  it('finds a verb the word lists do not know by its place after a name or a fronted clause', () => {
    assert.match(reasons('Huawei verschickt erste Muster seines neuen KI-Chips.'), /event or fact \(verschickt\)/);
    assert.match(reasons('Nachdem die Exportregeln verschärft wurden, verlagert Nvidia einen Teil der Produktion.'), /event or fact \(verlagert\)/);
    assert.match(reasons('Cerebras files for an IPO.'), /event or fact \(files\)/);
    assert.match(reasons('Oracle is expanding its data centre in Abilene.'), /event or fact \(is expanding\)/);
    // A German genitive name is not the subject; a guessed verb does not make a headline a sentence.
    assertNotClaims(['Nvidias geplante Übernahme von Run:ai', 'Baidu trumpft mit Ernie auf']);
    assertClaims(['Baidu startet Ernie 4.5']);
  });

  it('knows inflected forms of the listed verbs', () => {
    assert.match(reasons('Zahlreiche Start-ups in China veröffentlichen ihre Modelle unter einer offenen Lizenz.'), /event or fact \(veröffentlichen\)/);
    assert.match(reasons('Im Bericht setze China auf offene Modelle, heißt es bei CNBC.'), /event or fact \(setze\)/);
    assert.match(reasons('Google und Samsung kooperieren bei KI-Brillen.'), /event or fact \(kooperieren\)/);
  });

  it('reads a row of a list or table with a figure as data, however short', () => {
    const list = analyze('Die Zahlen im Überblick:\n\n- Umsatz: 12,4 Milliarden Euro\n- Marge: 41 Prozent\n').findings.filter((f) => f.kind === 'claim');
    assert.deepEqual(list.map((c) => c.text), ['Umsatz: 12,4 Milliarden Euro', 'Marge: 41 Prozent']);
    const en = analyze('Key figures:\n\n- Revenue: $4.2 billion\n- Margin: 41%\n').findings.filter((f) => f.kind === 'claim');
    assert.deepEqual(en.map((c) => c.text), ['Revenue: $4.2 billion', 'Margin: 41%']);
    const table = '| Quartal | Umsatz | Marge |\n|---|---|---|\n| Q1 2025 | 7,2 Mrd. Euro | 41 Prozent |\n| Q2 2025 | 7,9 Mrd. Euro | 43 Prozent |\n';
    const rows = analyze(table).findings.filter((f) => f.kind === 'claim');
    assert.equal(rows.length, 2, JSON.stringify(rows.map((c) => c.text)));
    assert.ok(rows.every((c) => /Mrd\. Euro/.test(c.text)));
  });

  it('reads a sentence that ends in a colon without a full verb as a list intro', () => {
    assertNotClaims(['Mit dem neuen Modell hat Baidu:']);
    assertClaims(['Baidu hat sein Modell in drei Apps integriert, darunter:']);
  });

  it('ignores an evaluative lead-in before a colon when a verb follows it', () => {
    assertClaims([
      'Das Ergebnis ist bemerkenswert: Samsung hat erstmals Speicherchips an Nvidia geliefert.',
      'The timing is remarkable: Samsung has shipped memory chips to Nvidia for the first time.',
    ]);
  });

  it('does not let an intensifier turn a reported fact into an opinion', () => {
    assertClaims(['Wie CNBC berichtet, trainiert Baidu seine Modelle auf riesigen Datenmengen.']);
  });

  it('needs an article or possessive before a superlative; "jüngste" and "latest" only date a thing', () => {
    assert.match(reasons('Nvidia liefert die leistungsstärksten Chips für das Training.'), /compares or ranks \(leistungsstärksten\)/);
    assert.doesNotMatch(claims('Das jüngste Modell von Mistral erschien im Mai.', { claimThreshold: 0 })[0].reasons.join(' '), /compares or ranks/);
    assert.doesNotMatch(claims('The latest model from Mistral was released by the company.', { claimThreshold: 0 })[0].reasons.join(' '), /compares or ranks/);
  });

  it('reads figurative and conclusion frames as opinion', () => {
    assertNotClaims([
      'Daraus wird deutlich: Google spielt in einer eigenen Liga.',
      'Besonders Anthropic sorgt für Furore in der Branche.',
      'It is as if OpenAI had rewritten the rules of the industry.',
    ]);
  });

  it('reads a sentence about the article itself as no claim', () => {
    assertNotClaims(['Dieser Artikel erschien zuerst bei Heise Online.', 'This article first appeared on The Verge.']);
  });

  it('finds superlatives after an article or possessive, and only there', () => {
    const superlative = (sentence: string, language: Language) => sentenceFacts(sentence, { start: 0, end: sentence.length }, [], [], language).cues.get('comparison') ?? null;
    assert.equal(superlative('Nvidia ist das wertvollste Unternehmen.', 'de'), 'wertvollste');
    assert.equal(superlative('Es ist der größte Auftrag des Jahres.', 'de'), 'größte');
    assert.equal(superlative('Sie bauen die schnellsten Chips.', 'de'), 'schnellsten');
    assert.equal(superlative('Der Umsatz wuchs am stärksten in Asien.', 'de'), 'stärksten');
    assert.equal(superlative('Sie bauen schnellsten Chips.', 'de'), null);
    assert.equal(superlative('Sie zahlen die Kosten der Verwaltung.', 'de'), null);
    assert.equal(superlative('Nvidia is the largest chipmaker.', 'en'), 'largest');
    assert.equal(superlative('AMD is its biggest rival.', 'en'), 'biggest');
    assert.equal(superlative('Google released the latest model.', 'en'), null);
  });

  it('reads a capitalised noun cue at the start of a sentence', () => {
    assertNotClaims(['Kritiker werfen Meta vor, Nutzerdaten für das Training zu verwenden.', 'Critics accuse Meta of training on user data.']);
  });
});
