/**
 * The `ai-news-annotator` command line: one entry, one module per subcommand.
 * Exit codes: 0 success, 1 a finding the caller must act on (or an unreadable input), 2 usage error.
 */
import { runScan } from './scan';
import { runCheck } from './check';
import { runMergeDriver } from './mergeDriver';
import { runSetupGit } from './setupGit';
import { runExport } from './export';
import { runReport } from './report';
import { runImport } from './import';
import { runFeedback } from './feedback';
import { forTerminal } from './terminal';

export interface Subcommand {
  summary: string;
  /** Runs the subcommand; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

const subcommands: Record<string, Subcommand> = {
  scan: { summary: 'find claims, numbers and entities in articles', run: runScan },
  check: { summary: 'resolve every annotation against the current articles (for CI)', run: runCheck },
  'merge-driver': { summary: 'git merge driver for the annotation file (%O %A %B)', run: runMergeDriver },
  'setup-git': { summary: 'configure the repository to merge the annotation file by id', run: runSetupGit },
  export: { summary: 'write the verdicts as markdown, CSV, W3C Web Annotation or ClaimReview', run: runExport },
  report: { summary: 'print the markdown fact-check report', run: runReport },
  import: { summary: 'import web pages or saved HTML as markdown articles with provenance', run: runImport },
  feedback: { summary: "export the team's corrections of the detector as training examples", run: runFeedback },
};

function usage(): string {
  const lines = Object.entries(subcommands).map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`);
  return [
    'Usage: ai-news-annotator <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'ai-news-annotator <command> --help' for a command's options.",
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = subcommands[name];
  if (!command) {
    process.stderr.write(`ai-news-annotator: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ai-news-annotator: ${forTerminal(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  },
);
