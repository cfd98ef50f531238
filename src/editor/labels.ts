/** The core's words (src/core/labels/words) in VS Code's display language, for the editor's parts. */
import * as vscode from 'vscode';
import { wordsFor } from '../core/labels/words';

export const words = wordsFor(vscode.l10n, vscode.env.language);

export const {
  claimReasonsText,
  entityTypeLabel,
  groupLabel,
  verdictLabel,
} = words;
