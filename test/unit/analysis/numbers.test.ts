import assert from 'node:assert/strict';
import { checkNumbers, numbers } from './helpers';

describe('analysis: numbers', () => {
  checkNumbers([
    ['KI könnte bis 2030 fast $15,7 Billionen zur Weltwirtschaft beitragen.', '$15,7 Billionen', 'money', 1.57e13, 'USD'],
    ['Der Marktanteil stieg um 2,71 Prozent.', '2,71 Prozent', 'percent', 2.71, '%'],
    ['Der Umsatz lag bei 1.234,5 Mio. Euro.', '1.234,5 Mio. Euro', 'money', 1.2345e9, 'EUR'],
    ['Das Modell erschien am 26. Januar 2025 in China.', '26. Januar 2025', 'date', null],
    ['Die Entwicklung dauert 12-18 Monate.', '12-18 Monate', 'range', null],
    ['Das Modell landete auf Platz sechs.', 'Platz sechs', 'rank', 6],
    ['Es gehört zu den Top 10 der Welt.', 'Top 10', 'rank', 10],
    ['Das Unternehmen stellte fünf Modelle vor.', 'fünf', 'count', 5],
    ['Die App hat mehr als einer Milliarde Nutzer.', 'einer Milliarde', 'quantity', 1e9],
    ['DeepSeek says the training run cost $5.576 million.', '$5.576 million', 'money', 5.576e6, 'USD'],
    ['The startup raised $1.2 billion from investors.', '$1.2 billion', 'money', 1.2e9, 'USD'],
    ['Shares fell 40% in a single day.', '40%', 'percent', 40, '%'],
    ['The model was released on March 3, 2025 in Paris.', 'March 3, 2025', 'date', null],
    ['Revenue reached 118,42 Dollar je Aktie.', '118,42 Dollar je Aktie', 'money', 118.42, 'USD'],
    ['The company employs 2,048 engineers.', '2,048', 'count', 2048],
    ['Das Unternehmen wurde im Jahr 2019 gegründet.', '2019', 'year', 2019],
  ]);

  it('keeps approximators and counted nouns outside the span', () => {
    const found = numbers('Rund 604 Unternehmen investierten mehr als 15 Millionen Euro.').map((n) => n.text);
    assert.deepEqual(found, ['604', '15 Millionen Euro']);
  });

  it('does not read digits inside names as numbers', () => {
    for (const text of [
      'OpenAI stellte GPT-4o vor und Alibaba veröffentlichte Qwen 2.5.',
      'DeepSeek-V3 übertrifft viele Modelle, sagt 01.AI.',
      'Nvidia darf den H20 nicht mehr nach China liefern.',
      'OpenAI released GPT-4o while Alibaba shipped Qwen 2.5 and DeepSeek-V3.',
    ]) {
      assert.deepEqual(numbers(text).map((n) => n.text), [], text);
    }
  });

  it('does not treat an indefinite article or a bare month as a number', () => {
    assert.deepEqual(numbers('Vor einem Jahr gründete ein Unternehmen im April ein Labor.').map((n) => n.text), []);
  });
});
