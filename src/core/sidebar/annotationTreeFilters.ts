/**
 * The Annotations view's filters together: statuses, one person's work ("Assigned to me", "Awaiting
 * my review"), and tags, authors and a date range (./annotationFilter). Pure: the editor keeps the
 * filters and asks what passes; its words for them stay in the editor.
 */
import type { PlacedAnnotation } from '../session/articleSession';
import { STATUSES, type Annotation, type Status } from '../store/annotation';
import { passesWorkFilter, type WorkFilter } from '../team/myWork';
import type { TeamConfig } from '../team/team';
import { isFilterActive, passesAnnotationFilter, type AnnotationFilter } from './annotationFilter';
import { passesFilter, type GroupableAnnotation } from './annotationGroups';
import { narrowedFilter } from './pickedValues';

export interface TreeFilters {
  /** The statuses shown (orphans always are); undefined when all are. */
  statuses?: readonly Status[];
  /** One person's work only; undefined for everyone's. */
  work?: WorkFilter;
  /** Tags, authors and dates ({} when all are). */
  annotation: AnnotationFilter;
}

/** Who looks at a folder's annotations: the person (undefined until known) and the folder's team rules. */
export interface Viewer {
  me: string | undefined;
  team: TeamConfig;
}

/** What the grouping needs of a placed annotation, with the annotation itself. */
export function groupable(placed: PlacedAnnotation): GroupableAnnotation & { placed: PlacedAnnotation } {
  return { status: placed.annotation.status, state: placed.state, assignee: placed.annotation.assignee, placed };
}

/**
 * The annotations every filter lets through, in their order. The work filter lets nothing through
 * while the viewer is not known (no author set, git's user.name not read yet).
 */
export function visibleAnnotations(placed: readonly PlacedAnnotation[], filters: TreeFilters, viewer: Viewer): PlacedAnnotation[] {
  const passing = placed.filter((p) => passesFilter(groupable(p), filters.statuses) && passesAnnotationFilter(p.annotation, filters.annotation));
  const { work } = filters;
  if (work === undefined) return passing;
  const me = viewer.me;
  return me === undefined ? [] : passing.filter((p) => passesWorkFilter(p.annotation, work, viewer.team, me));
}

/** Whether any filter narrows the view. */
export function anyFilterActive(filters: TreeFilters): boolean {
  return filters.statuses !== undefined || filters.work !== undefined || isFilterActive(filters.annotation);
}

/** The tag, author and date filter with the parts the change names replaced (a part named as undefined: that part off). */
export function withFilterChange(current: AnnotationFilter, change: AnnotationFilter): AnnotationFilter {
  const next: AnnotationFilter = { ...current, ...change };
  for (const key of ['tags', 'authors', 'dates'] as const) if (key in change && change[key] === undefined) delete next[key];
  return next;
}

/** The status filter for a choice of statuses: none (undefined) when nothing or every known status is chosen. */
export function statusFilterFor(chosen: readonly Status[] | undefined, known: readonly Status[]): Status[] | undefined {
  return narrowedFilter([...new Set(chosen ?? [])], known);
}

/**
 * The statuses a filter can pick: the built-in ones, each folder's team statuses, and any other
 * status an annotation has (one the team file no longer defines is still shown, never dropped).
 * Each comes with the team of the first folder that has it, for its label (none for the built-in ones).
 */
export function knownStatuses(folders: readonly { team: TeamConfig; annotations: readonly Annotation[] }[]): { status: Status; team?: TeamConfig }[] {
  const known = new Map<Status, TeamConfig | undefined>(STATUSES.map((s) => [s, undefined]));
  for (const { team, annotations } of folders) {
    for (const status of team.statuses) if (!known.has(status.id)) known.set(status.id, team);
    for (const { status } of annotations) if (!known.has(status)) known.set(status, team);
  }
  return [...known].map(([status, team]) => ({ status, team }));
}
