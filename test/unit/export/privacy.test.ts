import assert from 'node:assert/strict';
import { exportClaimReview, exportCsv, exportMarkdown, exportW3c, type ExportInput } from '../../../src/core/export';
import { loadFixtureWorkspace, NOW, PRIVATE_EVIDENCE, PRIVATE_NOTE } from './fixtures';

describe('private notes', () => {
  let input: ExportInput;
  before(async () => {
    input = await loadFixtureWorkspace();
    const privateOne = input.annotations.find((a) => a.private);
    // The fixture really holds the secret, so the checks below can fail.
    assert.equal(privateOne?.note, PRIVATE_NOTE);
    assert.deepEqual(privateOne?.evidence, [PRIVATE_EVIDENCE]);
  });

  const formats: Record<string, (input: ExportInput) => string> = {
    markdown: (i) => exportMarkdown(i, { now: NOW }),
    csv: (i) => exportCsv(i, { now: NOW }),
    w3c: (i) => JSON.stringify(exportW3c(i, { now: NOW })),
    claimreview: (i) => JSON.stringify(exportClaimReview(i, { now: NOW })),
  };

  for (const [format, render] of Object.entries(formats)) {
    it(`never leave the workspace through the ${format} export`, () => {
      const output = render(input);
      assert.ok(!output.includes(PRIVATE_NOTE), 'note leaked');
      assert.ok(!output.includes('Informantin'), 'part of the note leaked');
      assert.ok(!output.includes('secret-dossier'), 'private evidence leaked');
      // The verdict itself is still exported: the quote of the private annotation is there.
      assert.ok(output.includes('So zähle Qwen laut der Plattform Hugging Face zu den meistgenutzten KI-Modellen'));
    });

    it(`are withheld in the ${format} export even when escaping would change their text`, () => {
      const hostile = structuredClone(input);
      const target = hostile.annotations.find((a) => a.private);
      assert.ok(target);
      target.note = 'Quelle "X", Tel. 0171\nSECRETWORD';
      assert.ok(!render(hostile).includes('SECRETWORD'));
    });
  }

  it('are flagged as withheld in the CSV export', () => {
    const row = exportCsv(input, { now: NOW }).split('\r\n').find((line) => line.includes(',d-private,'));
    // private, id, then the version-2 columns (assignee, reviewed_by, review_result, tags), empty here.
    assert.match(row ?? '', /,yes,d-private,,,,,$/);
  });

  it('do not change the input annotations', () => {
    exportMarkdown(input, { now: NOW });
    assert.equal(input.annotations.find((a) => a.private)?.note, PRIVATE_NOTE);
  });
});
