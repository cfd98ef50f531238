/**
 * What `check` reports about version 2 of the annotation file: each annotation's workflow state and
 * assignee, its archived evidence verified against the recorded hashes, and statuses the team file
 * does not define.
 */
import type { FileHash } from '../core/evidence/hashFile';
import { verifyEvidence, type EvidenceCheck } from '../core/evidence/verifyArchives';
import type { Annotation } from '../core/store';
import { describeStatus, type TeamConfig } from '../core/team/team';
import { workflowState, WORKFLOW_STATES, type WorkflowState } from '../core/team/workflow';

/** The fields version 2 adds to each entry of `check --json`. */
export interface Version2Check {
  workflow: WorkflowState;
  assignee?: string;
  /** Per evidence item: archived, missing, changed or not-archived (absent without evidence). */
  evidence?: EvidenceCheck[];
}

/**
 * Checks the version-2 parts of every annotation.
 * @param root The workspace folder (archive paths are relative to it).
 * @returns One entry per annotation, by id.
 */
export async function checkVersion2(root: string, annotations: readonly Annotation[], team: TeamConfig): Promise<Map<string, Version2Check>> {
  const hashes = new Map<string, Promise<FileHash>>();
  const result = new Map<string, Version2Check>();
  for (const a of annotations) {
    const entry: Version2Check = { workflow: workflowState(a, team) };
    if (a.assignee !== undefined) entry.assignee = a.assignee;
    if (a.evidence?.length) entry.evidence = await verifyEvidence(root, a, hashes);
    result.set(a.id, entry);
  }
  return result;
}

/** Whether an archived copy is missing or changed: `check` then exits 1. */
export function hasBrokenArchive(checks: Iterable<Version2Check>): boolean {
  for (const check of checks) if (check.evidence?.some((e) => e.state === 'missing' || e.state === 'changed')) return true;
  return false;
}

/** Warnings for statuses no one defines (they are kept and shown as their id). */
export function undefinedStatusWarnings(annotations: readonly Annotation[], team: TeamConfig): string[] {
  const unknown = new Map<string, number>();
  for (const a of annotations) if (!describeStatus(team, a.status).known) unknown.set(a.status, (unknown.get(a.status) ?? 0) + 1);
  return [...unknown].map(([status, count]) => `status "${status}" (${count} annotation${count === 1 ? '' : 's'}) is not defined in .ainews/team.json; it is kept and shown as it is`);
}

/** Lines for the human-readable report: workflow counts, then every evidence problem. */
export function version2Summary(checks: ReadonlyMap<string, Version2Check>): string[] {
  const counts = new Map<WorkflowState, number>();
  let notArchived = 0;
  const problems: string[] = [];
  for (const [id, check] of checks) {
    counts.set(check.workflow, (counts.get(check.workflow) ?? 0) + 1);
    for (const e of check.evidence ?? []) {
      if (e.state === 'not-archived') notArchived += 1;
      else if (e.state !== 'archived') problems.push(`  evidence ${e.state === 'missing' ? 'missing' : 'changed since archived'}: ${e.file}${e.reason ? ` ${e.reason}` : ''} (${e.url}) of ${id}`);
    }
  }
  const workflow = WORKFLOW_STATES.map((s) => `${counts.get(s) ?? 0} ${s}`).join(', ');
  return [`workflow: ${workflow}; ${notArchived} evidence item${notArchived === 1 ? '' : 's'} without an archived copy`, ...problems];
}
