/** What every export takes: the workspace's articles and annotations, and the selection to export. */
import type { Analysis } from '../analysis/types';
import type { AnchorState, Annotation, Status } from '../store/annotation';
import type { ReviewFlag } from '../review/reviewState';
import type { TeamConfig } from '../team/team';
import type { WorkflowState } from '../team/workflow';

export interface ExportArticle {
  /** Workspace-relative path with / separators, as in `Annotation.article`. */
  path: string;
  text: string;
  /** The article's analysis when the caller has it; computed when a format needs it. */
  analysis?: Analysis;
}

export interface ExportInput {
  articles: ExportArticle[];
  annotations: Annotation[];
  /** The repository's web address; article and annotation IRIs are made below it. Else `urn:ainews:` names. */
  baseIri?: string;
  /** The fact-checking team or outlet publishing the verdicts (ClaimReview author, collection creator). */
  reviewer?: string;
  /** The team file's statuses, second-review rule and rating scale; default: no team file. */
  team?: TeamConfig;
}

export interface ExportOptions {
  /** Only these articles (workspace-relative paths); default all. */
  articles?: string[];
  /** Only annotations with these statuses; default all. */
  statuses?: Status[];
  /** The time the export is made at (review flags, "generated"); default the current time. */
  now?: Date;
  /** A verified verdict older than this many days needs a re-check; default 180. */
  maxVerifiedAgeDays?: number;
  /** Time-sensitive claims in articles older than this many days are suggested as possibly outdated; default 365. */
  maxArticleAgeDays?: number;
}

/** Where an annotation's quote stands in the article's current text. */
export interface ExportAnchor {
  state: AnchorState;
  /** UTF-16 offsets into the current text; absent when orphaned. */
  start?: number;
  end?: number;
}

/** One annotation as the formats see it: private notes are already withheld here. */
export interface ExportedAnnotation {
  /** The annotation; `note` is empty and `evidence` and `comments` absent when `withheld`. */
  annotation: Annotation;
  /** True when the annotation is private: its note and evidence never leave the workspace. */
  withheld: boolean;
  /** Null when the article's text is not part of the input. */
  anchor: ExportAnchor | null;
  flags: ReviewFlag[];
  /** Where the verdict stands in the team's workflow. */
  workflow: WorkflowState;
}

export interface ExportedArticle {
  path: string;
  /** Null when the input has no text for an annotated article. */
  text: string | null;
  /** The article's date ("2025-01"), from its leading date line; null when unknown. */
  date: string | null;
  analysis?: Analysis;
  /** The selected annotations, in text order. */
  annotations: ExportedAnnotation[];
  /** Every annotation of the article, whatever the status filter (to tell reviewed claims). */
  allAnchors: ExportAnchor[];
}
