// Installs the Debian packages the VS Code harness needs (chromium, ripgrep, libkrb5-dev) with
// apt-get when they are missing. `.ci/run` runs it before `npm test`, which never calls apt-get.
import { ensureSystemPackages } from './lib/harness.mjs';

ensureSystemPackages();
