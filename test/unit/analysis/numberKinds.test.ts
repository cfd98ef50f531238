import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNumbers, numbers } from './helpers';
import { parseNumberSet, scoreNumberSet } from '../../../src/cli/evalCorpora/numbers';
import { defaultLexicon } from '../../../src/core/analysis';
import { germanHalf, ordinalWordValue } from '../../../src/core/analysis/numerals';

describe('analysis: number words of any length', () => {
  checkNumbers([
    ['Das Unternehmen beschäftigt zweihundertdreiundzwanzig Mitarbeiter.', 'zweihundertdreiundzwanzig', 'count', 223],
    ['Die Gemeinde hat zweitausendsiebenhundertachtundsechzig Einwohner.', 'zweitausendsiebenhundertachtundsechzig', 'count', 2768],
    ['Rund neunzehnhundert Menschen kamen.', 'neunzehnhundert', 'count', 1900],
    ['Nach dreieinhalb Stunden war Schluss.', 'dreieinhalb Stunden', 'quantity', 3.5, 'hour'],
    ['Fünfeinhalb Jahre umsteigen sind vorbei.', 'Fünfeinhalb Jahre', 'quantity', 5.5, 'year'],
    ['Die Bauzeit liegt bei anderthalb Jahren.', 'anderthalb Jahren', 'quantity', 1.5, 'year'],
    ['Zeitverlust von bis zu ein-einhalb Stunden.', 'ein-einhalb Stunden', 'quantity', 1.5, 'hour'],
    ['The company employs two hundred twenty-three people.', 'two hundred twenty-three', 'count', 223],
    ['The trial lasted one and a half years.', 'one and a half years', 'quantity', 1.5, 'year'],
    ['They waited three and a half hours at the border.', 'three and a half hours', 'quantity', 3.5, 'hour'],
  ]);
  it('reads halves and ordinals word by word', () => {
    assert.equal(germanHalf('viereinhalb'), 4.5);
    assert.equal(germanHalf('Halbinsel'), null);
    assert.equal(ordinalWordValue('zweiundzwanzigsten'), 22);
    assert.equal(ordinalWordValue('hundertste'), 100);
    assert.equal(ordinalWordValue('sechsten'), 6);
    assert.equal(ordinalWordValue('fifteenth'), 15);
    assert.equal(ordinalWordValue('twentieth'), 20);
    for (const word of ['Kosten', 'Beste', 'Texte', 'Experte', 'Gäste']) assert.equal(ordinalWordValue(word), null, word);
  });
});

describe('analysis: ordinals', () => {
  checkNumbers([
    ['Die Band spielte zum zweiundzwanzigsten Mal in der Halle.', 'zweiundzwanzigsten', 'rank', 22],
    ['Zum elften Mal in Folge stieg der Umsatz.', 'elften', 'rank', 11],
    ['Die Entscheidung fällt am dritten Verhandlungstag.', 'dritten', 'rank', 3],
    ['Sie belegte im Finale den vierzehnten Rang.', 'vierzehnten Rang', 'rank', 14],
    ['Der Läufer kam als 21. ins Ziel.', '21.', 'rank', 21],
    ['Im 19. Jahrhundert wuchs die Stadt.', '19.', 'rank', 19],
    ['The senator won a fourth term.', 'fourth', 'rank', 4],
    ['The twenty-second amendment limits presidents to two terms.', 'twenty-second', 'rank', 22],
    ['It was the fifteenth straight win.', 'fifteenth', 'rank', 15],
  ]);
  it('keeps a day before "und" a date and "a third of" a fraction', () => {
    assert.ok(!numbers('Geöffnet ist am 7. und 8. Mai.').some((n) => n.type === 'rank'));
    assert.deepEqual(numbers('About a third of the budget goes to defence.').map((n) => [n.text, n.type]), [['a third', 'number']]);
  });
});

describe('analysis: fractions, temperatures, ages, sizes', () => {
  checkNumbers([
    ['Drei Viertel der Befragten lehnen die Reform ab.', 'Drei Viertel', 'number', 0.75],
    ['Die neue Anlage verbraucht nur halb so viel Strom.', 'halb', 'number', 0.5],
    ['An dem Stück sind mindestens 2/3 aus Plastik.', '2/3', 'number', 2 / 3],
    ['Der Körper hält die Temperatur bei rund 37 °C.', '37 °C', 'quantity', 37, '°C'],
    ['In der Nacht sinken die Werte auf minus 12 Grad.', 'minus 12 Grad', 'quantity', -12, 'degree'],
    ['Höchstwerte zwischen -1 Grad an der Oder und +8 Grad am Rhein.', '-1 Grad', 'quantity', -1, 'degree'],
    ['Am Morgen zeigte das Thermometer −3 °C.', '−3 °C', 'quantity', -3, '°C'],
    ['Das Wasser kocht bei 100 Grad Celsius.', '100 Grad Celsius', 'quantity', 100, '°C'],
    ['Temperatures reached 104 degrees Fahrenheit in Phoenix.', '104 degrees Fahrenheit', 'quantity', 104, '°F'],
    ['Die Patientin ist 37 Jahre alt.', '37 Jahre alt', 'quantity', 37, 'year'],
    ['Der 68-Jährige benannte die Ziele.', '68-Jährige', 'quantity', 68, 'year'],
    ['Die 23-jährige Israelin gewann.', '23-jährige', 'quantity', 23, 'year'],
    ['The 37-year-old engineer joined the firm.', '37-year-old', 'quantity', 37, 'year'],
    ['He was 82 years old when he died.', '82 years old', 'quantity', 82, 'year'],
    ['Das Aquarium sollte mindestens 80 Liter aufweisen.', '80 Liter', 'quantity', 80, 'l'],
    ['Der Raum misst 4 mal 5 Meter.', '4 mal 5 Meter', 'quantity', null, 'm'],
    ['Die Flagge misst 35x70 m.', '35x70 m', 'quantity', null, 'm'],
    ['The room measures 12 by 15 feet.', '12 by 15 feet', 'quantity', null, 'ft'],
    ['Über sechs Jahrhunderte regierten die Johanniter.', 'sechs Jahrhunderte', 'quantity', 6, 'century'],
  ]);
  it('reads a score as one number and leaves a time of day alone', () => {
    assert.deepEqual(numbers('Jena spielte 7:7 und gewann dann 2:1 (0:1).').map((n) => [n.text, n.type]), [['7:7', 'number'], ['2:1', 'number'], ['0:1', 'number']]);
    assert.ok(!numbers('Der Zug fährt um 9:30 ab.').some((n) => n.text.includes(':')));
  });

  it('does not read a hyphen between figures as a sign', () => {
    assert.deepEqual(numbers('Im Geschäftsjahr 2024-25 stieg der Umsatz um 5 Prozent.').map((n) => [n.text, n.value]), [['2024-25', 2024], ['5 Prozent', 5]]);
  });
});

describe('analysis: comparators and weekday dates', () => {
  checkNumbers([
    ['Das Einsparpotenzial liegt bei bis zu 25 Prozent.', '25 Prozent', 'percent', 25, '%'],
    ['At least 40 people were injured.', '40', 'count', 40],
    ['Die effektive Reichweite lag zwischen 1,8 und ca. 15 Kilometer.', '1,8 und ca. 15 Kilometer', 'range', null, 'km'],
    ['Die Sitzung findet am Mittwoch, den 11. November statt.', 'Mittwoch, den 11. November', 'date', null],
    ['Die Wahl findet am Sonntag, dem 24. September 2017 statt.', 'Sonntag, dem 24. September 2017', 'date', '2017-09-24'],
    ['Geöffnet ist am Samstag, 21. und Sonntag, 22. Mai.', 'Samstag, 21.', 'date', null],
    ['The vote takes place on Wednesday, November 11.', 'Wednesday, November 11', 'date', null],
    ['The summit opens on Tuesday, 12 May.', 'Tuesday, 12 May', 'date', null],
  ]);
  it('leaves a bare weekday alone', () => {
    assert.deepEqual(numbers('Am Dienstag traten die Angestellten in den Streik.'), []);
  });
});

describe('eval: the number-expression set', () => {
  it('reads KIND: lines and names the line of malformed markup', () => {
    const set = parseNumberSet('# comment\nages*: Sie ist {n:quantity|37 Jahre alt}.\n\nwords: {n:count|zwei} Hunde.');
    assert.deepEqual(set.map((s) => [s.kind, s.fromCorpus, s.text, s.gold.length]), [['ages', true, 'Sie ist 37 Jahre alt.', 1], ['words', false, 'zwei Hunde.', 1]]);
    assert.throws(() => parseNumberSet('ages: {n:quantity|37', 'x.txt'), /x\.txt:1: unclosed markup/);
    assert.throws(() => parseNumberSet('no kind here', 'x.txt'), /x\.txt:1: expected "KIND: sentence"/);
  });

  it('scores recall >= 0.75 on every kind of the held-out German sentences', () => {
    const content = readFileSync(join(__dirname, '../../../../test/fixtures/numbers/de-heldout.ann.txt'), 'utf8');
    const scores = scoreNumberSet(parseNumberSet(content), defaultLexicon());
    assert.ok(scores.length >= 8);
    for (const s of scores) assert.ok(s.recall >= 0.75, `${s.kind}: recall ${s.recall}`);
  });
});
