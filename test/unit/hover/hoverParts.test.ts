import assert from 'node:assert/strict';
import type { ClaimFinding, EntityFinding, NumberFinding } from '../../../src/core/analysis/types';
import { hoverParts, type HoverPart } from '../../../src/core/hover/hoverParts';
import { englishL10n } from '../../../src/core/labels/l10n';
import { wordsFor } from '../../../src/core/labels/words';
import { DEFAULT_TEAM, type TeamConfig } from '../../../src/core/team/team';
import { sampleAnnotation } from '../../support/annotations';
import { germanL10n } from '../../support/l10nBundles';

const words = wordsFor(englishL10n, 'en');
const URI = 'file:///news/a.md';
const FOLDER = 'file:///news';
const text = (parts: HoverPart[]): string => parts.filter((p) => p.kind === 'text').map((p) => p.value).join('|');
const markdown = (parts: HoverPart[]): string => parts.filter((p) => p.kind === 'markdown').map((p) => p.value).join('');

const claim = { kind: 'claim', start: 3, end: 20, text: 'x', score: 0.5, reasons: [], signals: [{ signal: 'hedge', evidence: 'könnte', against: true }], timeSensitive: ['derzeit'] } as unknown as ClaimFinding;
const number = { kind: 'number', start: 0, end: 3, text: '3 %', type: 'percent', value: 1234.5, unit: '%' } as unknown as NumberFinding;
const entity = { kind: 'entity', start: 0, end: 3, text: 'PwC', type: 'org', canonical: 'PwC', reasons: ['after "<b>sagte</b>"'] } as unknown as EntityFinding;

describe('hover: the parts the editor appends', () => {
  it('words a claim with its reasons as text and offers the three verdicts as links on its span', () => {
    const parts = hoverParts(words, URI, undefined, [claim]);
    assert.deepEqual(parts[0], { kind: 'markdown', value: '**Claim**' });
    assert.match(text(parts), /Check-worthiness 0\.50\|Why: against: hedged \(könnte\)\|Time-sensitive wording: derzeit/);
    const links = markdown(parts);
    for (const command of ['markVerified', 'markDisputed', 'markOutdated']) assert.ok(links.includes(`(command:aiNews.${command}?`), command);
    assert.ok(links.includes(encodeURIComponent(JSON.stringify([{ uri: URI, start: 3, end: 20 }]))));
    assert.match(links, /\[Mark verified\]/);
  });

  it('writes a number\'s value in the UI language and an entity\'s reasons as inert text', () => {
    assert.match(text(hoverParts(wordsFor(germanL10n(), 'de'), URI, undefined, [number])), /Wert: 1\.234,5 %/);
    assert.match(text(hoverParts(words, URI, undefined, [{ ...number, value: null }])), /No normalised value/);
    const parts = hoverParts(words, URI, undefined, [entity]);
    assert.match(text(parts), /Why: after "&lt;b&gt;sagte&lt;\/b&gt;"/);
    assert.doesNotMatch(markdown(parts), /sagte/, 'quoted words never become markup');
  });

  it('shows an annotation\'s verdict, note, evidence and author as inert text, then its actions, before the findings', () => {
    const annotation = sampleAnnotation({ status: 'disputed', note: 'Siehe [hier](command:evil) <img>', tags: ['KI'], evidence: ['https://example.org/a(b)', 'Brief vom 3. Mai'], reviewBy: '2025-06-01', assignee: 'Ben' });
    const team: TeamConfig = { ...DEFAULT_TEAM, secondReview: 'required' };
    const parts = hoverParts(words, URI, { placed: [{ annotation, state: 'moved', span: { start: 0, end: 4 }, flags: ['needs re-check'] }], folder: FOLDER, team }, [claim]);
    assert.deepEqual(parts.slice(0, 3), [{ kind: 'markdown', value: '**' }, { kind: 'text', value: 'Disputed' }, { kind: 'markdown', value: '**' }]);
    const shown = text(parts);
    assert.ok(shown.includes(' · awaiting review| · moved with the text| · needs re-check'), shown);
    assert.ok(shown.includes('Note: Siehe [hier](command:evil) &lt;img&gt;'), 'the note stays text, its markup inert');
    assert.ok(shown.includes('Evidence: Brief vom 3. Mai') && shown.includes('By Anna · created 2025-01-01 · modified 2025-01-01| · review by 2025-06-01|Assigned to Ben'), shown);
    const links = markdown(parts);
    assert.ok(links.includes('[https://example.org/a(b)](https://example.org/a%28b%29)'), 'a web address as a link');
    assert.ok(links.includes('[Set Verified](command:aiNews.setStatus?') && links.includes('[Approve](command:aiNews.approveVerdict?') && links.includes('[Open evidence]'), links);
    assert.ok(links.indexOf('aiNews.setStatus') < links.indexOf('**Claim**'), 'the annotation comes first');
    assert.deepEqual(hoverParts(words, URI, undefined, [claim])[0], { kind: 'markdown', value: '**Claim**' }, 'outside a folder: no annotations');
  });
});
