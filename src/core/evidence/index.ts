/** Evidence that cannot rot: archived copies in the workspace, fetched on request, verified by hash. */
export * from './archive';
export * from './evidenceItems';
export * from './fetchEvidence';
export * from './hashFile';
export * from './verifyArchives';
export * from './evidenceChoices';
