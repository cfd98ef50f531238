import assert from 'node:assert/strict';
import { categoriseNerErrors, nerErrorTable } from '../../../src/cli/evalCorpora/nerErrors';
import type { NerRecord } from '../../../src/train/corpora';
import type { LabelSpan } from '../../../src/core/analysis/scoring';

/** A record whose spans are given by their text ("Heinz Müller:person"); `part` spans keep GermEval's *part label. */
function record(text: string, labelled: string[]): NerRecord {
  const spans = labelled.map((entry) => {
    const [name, label] = entry.split(':');
    const start = text.indexOf(name);
    const corpusLabel = label === 'part' ? 'other' : label;
    return { start, end: start + name.length, label: corpusLabel as NerRecord['spans'][number]['label'], label_orig: label === 'part' ? 'ORGpart' : label, text: name };
  });
  return { id: text, lang: 'de', text, spans };
}

function found(text: string, name: string, type: string): LabelSpan {
  const start = text.indexOf(name);
  return { start, end: start + name.length, type };
}

describe('eval: entity errors by kind', () => {
  const text = 'Heinz Müller von der Bundeswehr fuhr mit Anna Berg nach Lübeck, sagte der SPD-Chef in Essen.';
  const records = [record(text, ['Heinz Müller:person', 'Bundeswehr:org', 'Anna Berg:person', 'Lübeck:place', 'SPD-Chef:part', 'Essen:place'])];
  const findings = [
    found(text, 'Heinz Müller', 'person'), // right
    found(text, 'Bundeswehr', 'place'), // wrong type
    found(text, 'Anna', 'person'), // cut short: IoU 4/9
    found(text, 'SPD-Chef', 'org'), // over a *part span
    found(text, 'sagte', 'person'), // over no name
  ];
  const errors = categoriseNerErrors(records, ['person', 'org', 'place'], () => findings);
  const byKind = Object.fromEntries(errors.map((e) => [e.kind, e.count]));

  it('sorts each missed name and each wrong finding into one kind', () => {
    assert.deepEqual(byKind, {
      'wrong type': 1,
      'missed, span cut or too long': 1,
      'missed one word': 2,
      'found, span cut or too long': 1,
      'found over an out-of-scope name': 1,
      'found over no name': 1,
    });
  });

  it('gives examples with the gold and the found type, and prints them as a table', () => {
    const wrongType = errors.find((e) => e.kind === 'wrong type');
    assert.deepEqual(wrongType?.examples, ['Bundeswehr (org → place)']);
    assert.deepEqual(errors.find((e) => e.kind === 'missed one word')?.examples, ['Lübeck (place)', 'Essen (place)']);
    assert.match(nerErrorTable('errors', errors), /^errors\n +2 {2}missed one word +Lübeck \(place\); Essen \(place\)/m);
  });

  it('counts nothing when every name is found with its type', () => {
    const right = [found(text, 'Heinz Müller', 'person')];
    assert.deepEqual(categoriseNerErrors([record(text, ['Heinz Müller:person'])], ['person'], () => right), []);
  });
});
