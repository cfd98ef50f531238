/** Translators over the extension's own l10n bundles, for unit tests of the core's words. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fillPlaceholders, type L10n } from '../../src/core/labels/l10n';

/** The repository root: the nearest folder above the compiled test that holds l10n/. */
function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'l10n', 'bundle.l10n.de.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no l10n/bundle.l10n.de.json above ${__dirname}`);
  }
}

/** German as the extension ships it (l10n/bundle.l10n.de.json); a message the bundle lacks fails the test. */
export function germanL10n(): L10n {
  const bundle = JSON.parse(readFileSync(join(repositoryRoot(), 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
  return {
    t: (message, ...args) => {
      if (!Object.prototype.hasOwnProperty.call(bundle, message)) throw new Error(`no German translation of ${JSON.stringify(message)}`);
      return fillPlaceholders(bundle[message], args);
    },
  };
}
