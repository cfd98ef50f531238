import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { tagColor } from '../../../src/core/tags/tags';
import { DEFAULT_TEAM, describeStatus, middleRating, parseTeamFile, validateTeamValue, type TeamConfig } from '../../../src/core/team/team';

const ROOT = join(__dirname, '..', '..', '..', '..');

const TEAM_FILE = `{
  "statuses": [
    { "id": "misleading", "label": { "en": "Misleading", "de": "Irreführend" }, "color": "#d97706", "verdict": true, "rating": 2 },
    { "id": "waiting-for-source", "label": { "en": "Waiting for source" }, "verdict": false }
  ],
  "secondReview": "required",
  "ratingScale": { "worst": 1, "best": 5 },
  "tags": [{ "name": "Wahl 2025", "color": "#2563eb" }]
}
`;

function team(text = TEAM_FILE): TeamConfig {
  const result = parseTeamFile(text);
  assert.equal(result.kind, 'ok', JSON.stringify(result));
  return result.team;
}

describe('team: the team file', () => {
  it('reads statuses, the second-review rule, the rating scale and tag colours', () => {
    const t = team();
    assert.equal(t.secondReview, 'required');
    assert.deepEqual(t.ratingScale, { worst: 1, best: 5 });
    assert.deepEqual(t.statuses.map((s) => s.id), ['misleading', 'waiting-for-source']);
    assert.deepEqual(t.tags, [{ name: 'Wahl 2025', color: '#2563eb' }]);
  });

  it('without a file (or an empty one): no own statuses, no second review, the 1-to-3 scale', () => {
    assert.deepEqual(team(''), DEFAULT_TEAM);
    assert.deepEqual(DEFAULT_TEAM.ratingScale, { worst: 1, best: 3 });
    assert.equal(DEFAULT_TEAM.secondReview, 'off');
  });

  it('describes statuses in English and German, with the rating and colour', () => {
    const t = team();
    assert.deepEqual(describeStatus(t, 'misleading', 'de'), { id: 'misleading', label: 'Irreführend', verdict: true, rating: 2, color: '#d97706', known: true });
    assert.equal(describeStatus(t, 'waiting-for-source', 'de').label, 'Waiting for source', 'a missing German label falls back to English');
    assert.equal(describeStatus(t, 'waiting-for-source').verdict, false);
    assert.equal(describeStatus(t, 'waiting-for-source').rating, undefined);
    assert.equal(describeStatus(t, 'unverifiable', 'de').label, 'Nicht überprüfbar');
  });

  it('shows a status the file no longer defines as its id, as a verdict without a rating', () => {
    assert.deepEqual(describeStatus(team(), 'satire'), { id: 'satire', label: 'satire', verdict: true, known: false });
  });

  it('gives the built-in verdicts their documented ratings on any scale: disputed worst, outdated and unverifiable middle, verified best', () => {
    const rating = (t: TeamConfig, s: string) => describeStatus(t, s).rating;
    assert.deepEqual(['disputed', 'outdated', 'unverifiable', 'verified'].map((s) => rating(DEFAULT_TEAM, s)), [1, 2, 2, 3]);
    assert.deepEqual(['disputed', 'outdated', 'unverifiable', 'verified'].map((s) => rating(team(), s)), [1, 3, 3, 5]);
    assert.equal(rating(team(), 'in-progress'), undefined);
    assert.equal(middleRating(team()), 3);
  });

  it('refuses a built-in id, a bad id, a rating off the scale and unknown fields, with line and column, and falls back to the defaults', () => {
    const text = `{
  "statuses": [
    { "id": "verified", "label": { "en": "Verified!" }, "verdict": true },
    { "id": "Misleading", "label": { "en": "M" }, "verdict": true },
    { "id": "odd", "label": { "fr": "Bizarre" }, "verdict": "yes", "rating": 9, "colour": "red" },
    { "id": "odd", "label": { "en": "Again" }, "verdict": false, "rating": 1 }
  ],
  "secondReview": "sometimes",
  "ratingScale": { "worst": 5, "best": 1 }
}`;
    const result = parseTeamFile(text);
    assert.equal(result.kind, 'invalid');
    if (result.kind !== 'invalid') return;
    assert.deepEqual(result.team, DEFAULT_TEAM);
    const at = (pattern: RegExp) => result.problems.find((p) => pattern.test(p.message));
    assert.equal(at(/statuses\[0\]\.id "verified" is a built-in status/)?.line, 3);
    assert.equal(at(/statuses\[1\]\.id must be lower-case/)?.line, 4);
    assert.equal(at(/statuses\[2\]\.label\.fr unknown language/)?.line, 5);
    assert.equal(at(/statuses\[2\]\.label is missing "en"/)?.line, 5);
    assert.equal(at(/statuses\[2\]\.verdict must be true or false/)?.line, 5);
    assert.equal(at(/statuses\[2\]\.colour unknown field/)?.line, 5);
    assert.equal(at(/statuses\[3\]\.id repeats the status "odd"/)?.line, 6);
    assert.equal(at(/statuses\[3\]\.rating only a verdict has a rating/)?.line, 6);
    assert.equal(at(/secondReview must be "required", "optional" or "off"/)?.line, 8);
    assert.equal(at(/ratingScale must be/)?.line, 9);
    const syntax = parseTeamFile('{"statuses": [}');
    assert.equal(syntax.kind, 'invalid');
  });
});

describe('team: the JSON Schema of the team file agrees with the reader', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'team.schema.json'), 'utf8')) as object);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };

  it('is contributed for .ainews/team.json', () => {
    assert.ok(manifest.contributes.jsonValidation.some((v) => v.fileMatch === '.ainews/team.json' && v.url === './schemas/team.schema.json'));
  });

  it('accepts the example and refuses what the reader refuses', () => {
    assert.ok(validate(JSON.parse(TEAM_FILE)), ajv.errorsText(validate.errors));
    const status = { id: 'misleading', label: { en: 'Misleading' }, verdict: true };
    const broken: [string, unknown][] = [
      ['built-in id', { statuses: [{ ...status, id: 'verified' }] }],
      ['upper-case id', { statuses: [{ ...status, id: 'Misleading' }] }],
      ['no English label', { statuses: [{ ...status, label: { de: 'Irreführend' } }] }],
      ['colour name', { statuses: [{ ...status, color: 'orange' }] }],
      ['verdict as string', { statuses: [{ ...status, verdict: 'yes' }] }],
      ['unknown field', { statuses: [{ ...status, colour: '#fff' }] }],
      ['second review', { secondReview: 'always' }],
      ['scale', { ratingScale: { worst: 1 } }],
      ['tag without colour', { tags: [{ name: 'x' }] }],
      ['unknown top-level field', { team: 'x' }],
    ];
    for (const [name, value] of broken) {
      assert.ok(validateTeamValue(value).length > 0, `reader accepts ${name}`);
      assert.equal(validate(value), false, `schema accepts ${name}`);
    }
  });
});

describe('team: tag colours', () => {
  it('keeps a file valid that names a tag twice (in any case) or longer than a tag can be: the first colour wins', () => {
    const result = parseTeamFile('{\n  "statuses": [{ "id": "needs-source", "label": { "en": "Needs a source", "de": "Quelle fehlt" }, "verdict": false }],\n  "tags": [\n    { "name": "Wahl 2025", "color": "#2563eb" },\n    { "name": "wahl 2025", "color": "#dc2626" },\n    { "name": "' + 'x'.repeat(51) + '", "color": "#fff" }\n  ]\n}\n');
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    assert.equal(result.team.statuses.length, 1, 'the statuses still apply');
    assert.equal(tagColor(result.team, ['WAHL 2025']), '#2563eb');
  });
});
