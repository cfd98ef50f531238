import assert from 'node:assert/strict';
import { renderExport } from '../../../src/core/export';
import { loadFixtureWorkspace, NOW } from './fixtures';

const PAYLOAD = '</script><script>alert(document.cookie)</script> & <!-- x -->';

describe('export: JSON-LD safe inside <script type="application/ld+json">', () => {
  for (const format of ['w3c', 'claimreview'] as const) {
    it(`${format}: a note with </script> cannot end the script element; the JSON still reads the same`, async () => {
      const input = await loadFixtureWorkspace();
      const annotations = input.annotations.map((a) => ({ ...a, note: PAYLOAD, private: false, author: `Eve <eve@example.org> & co` }));
      const output = renderExport(format, { ...input, annotations }, { now: NOW });
      assert.doesNotMatch(output, /[<>&]/);
      assert.match(output, /\\u003c\/script\\u003e/);
      const parsed = JSON.stringify(JSON.parse(output));
      assert.ok(parsed.includes(PAYLOAD), 'the note reads back unchanged');
    });
  }
});
