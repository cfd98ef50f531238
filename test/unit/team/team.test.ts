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

  it('refuses a built-in id, a bad id and a rating off the scale, with line and column, and falls back to the defaults', () => {
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
    assert.equal(at(/statuses\[2\]\.label is missing "en"/)?.line, 5);
    assert.equal(at(/statuses\[2\]\.verdict must be true or false/)?.line, 5);
    assert.equal(at(/statuses\[3\]\.id repeats the status "odd"/)?.line, 6);
    assert.equal(at(/statuses\[3\]\.rating only a verdict has a rating/)?.line, 6);
    assert.equal(at(/secondReview must be "required", "optional" or "off"/)?.line, 8);
    assert.equal(at(/ratingScale must be/)?.line, 9);
    const syntax = parseTeamFile('{"statuses": [}');
    assert.equal(syntax.kind, 'invalid');
  });
});

describe('team: fields this version does not know, and newer files', () => {
  it('ignores an unknown field with a warning at its line and column: the known rules still apply', () => {
    // The audit's case: one field from a newer teammate used to void the file and turn second review off.
    const result = parseTeamFile('{\n  "secondReview": "required",\n  "members": ["Ann"]\n}\n');
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    if (result.kind !== 'ok') return;
    assert.equal(result.team.secondReview, 'required');
    assert.equal(result.newerVersion, undefined);
    assert.deepEqual(result.warnings, [{ line: 3, column: 3, message: 'members unknown field "members" (this version knows version, statuses, secondReview, ratingScale, tags); ignored' }]);
  });

  it('ignores unknown fields in a status, a label, a tag and the scale, and keeps none of them in the rules', () => {
    const result = parseTeamFile(`{
  "statuses": [{ "id": "misleading", "label": { "en": "Misleading", "fr": "Trompeur" }, "verdict": true, "rating": 4, "icon": "warning" }],
  "ratingScale": { "worst": 1, "best": 5, "step": 1 },
  "tags": [{ "name": "Wahl", "color": "#2563eb", "font": "bold" }]
}`);
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    if (result.kind !== 'ok') return;
    assert.deepEqual(result.team.statuses, [{ id: 'misleading', label: { en: 'Misleading' }, verdict: true, rating: 4 }]);
    assert.deepEqual(result.team.ratingScale, { worst: 1, best: 5 });
    assert.deepEqual(result.team.tags, [{ name: 'Wahl', color: '#2563eb' }]);
    assert.deepEqual(result.warnings.map((w) => `${w.line}:${w.message.split(' ')[0]}`), ['2:statuses[0].label.fr', '2:statuses[0].icon', '3:ratingScale.step', '4:tags[0].font']);
  });

  it('reads "version" 1 as this version, and refuses a version that is not a whole number from 1', () => {
    const current = parseTeamFile('{"version": 1, "secondReview": "optional"}');
    assert.deepEqual(current, { kind: 'ok', team: { ...DEFAULT_TEAM, secondReview: 'optional' }, warnings: [] });
    for (const version of ['"2"', '0', '1.5', 'null']) {
      const result = parseTeamFile(`{"version": ${version}, "secondReview": "required"}`);
      assert.equal(result.kind, 'invalid', version);
      if (result.kind === 'invalid') assert.match(result.problems[0].message, /^version must be a whole number from 1/);
    }
  });

  it('reads a newer file for what it understands: a known field it cannot read is ignored (its default applies), and says it is newer', () => {
    const text = `{
  "version": 3,
  "secondReview": "required",
  "ratingScale": { "worst": 1, "best": 5 },
  "statuses": [{ "id": "misleading", "label": { "en": "Misleading" }, "verdict": true, "rating": "mostly false" }],
  "tags": [{ "name": "Wahl", "color": "#2563eb" }],
  "reviewers": { "min": 2 }
}`;
    const result = parseTeamFile(text);
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    if (result.kind !== 'ok') return;
    assert.equal(result.newerVersion, 3);
    assert.deepEqual(result.team, { statuses: [], secondReview: 'required', ratingScale: { worst: 1, best: 5 }, tags: [{ name: 'Wahl', color: '#2563eb' }] });
    const lines = result.warnings.map((w) => `${w.line}: ${w.message}`);
    assert.match(lines[0], /^2: version written by a newer version of AI News Annotator \(team file version 3, this one knows 1\)/);
    assert.ok(lines.some((l) => /^5: statuses\[0\]\.rating must be a whole number .*"statuses" is ignored$/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /^7: reviewers unknown field/.test(l)), lines.join('\n'));
  });

  it('in a newer file, checks the statuses again when the scale it cannot read is left out', () => {
    const result = parseTeamFile('{"version": 2, "ratingScale": {"worst": "A", "best": "F"}, "statuses": [{"id": "top", "label": {"en": "Top"}, "verdict": true, "rating": 5}], "secondReview": "optional"}');
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    if (result.kind !== 'ok') return;
    assert.deepEqual(result.team, { ...DEFAULT_TEAM, secondReview: 'optional' });
    assert.ok(result.warnings.some((w) => /statuses\[0\]\.rating must be a whole number from 1 to 3/.test(w.message)), JSON.stringify(result.warnings));
  });

  it('still refuses a current file whose known field is wrong (the defaults apply)', () => {
    const result = parseTeamFile('{"secondReview": "always", "members": []}');
    assert.equal(result.kind, 'invalid');
    assert.deepEqual(result.team, DEFAULT_TEAM);
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
