/** The core's words (src/core/labels/words) in VS Code's display language, for the editor's parts. */
import * as vscode from 'vscode';
import { wordsFor } from '../core/labels/words';

export const words = wordsFor(vscode.l10n, vscode.env.language);

export const {
  assigneeLabel,
  claimReasonsText,
  countedLabel,
  entityTypeLabel,
  flagLabel,
  groupLabel,
  kindLabel,
  numberTypeLabel,
  reviewLines,
  stateLabel,
  verdictLabel,
  workFilterLabel,
  workflowLabel,
} = words;
