/**
 * The one option parser of every subcommand: node:util parseArgs, strict, with its errors worded
 * for people ("unknown option '--x'", "--root needs a value") and a usage error always answered the
 * same way: the message and the subcommand's usage on stderr, exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { forTerminal } from './terminal';

/** A wrong command line: exit code 2 with the usage. */
export class UsageError extends Error {}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandLine<T extends OptionsConfig> {
  /** The subcommand's name, for messages ("ai-news-annotator NAME: …"). */
  name: string;
  usage: string;
  options: T;
  /** Whether the subcommand takes positional arguments (files, sources). */
  positionals?: boolean;
}

/** parseArgs's errors in the words the command line has always used. */
function readableParseError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option '${option}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing/.test(message) ? `${option} needs a value` : `${option} does not take a value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument '${/'([^']*)'/.exec(message)?.[1] ?? ''}'`;
  return message;
}

/** True for the errors parseArgs throws on a wrong command line. */
export function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * Parses a subcommand's arguments.
 * @throws UsageError on an unknown option, a missing value or an unexpected argument
 */
export function parseCommandLine<T extends OptionsConfig>(spec: Pick<CommandLine<T>, 'options' | 'positionals'>, args: string[]) {
  try {
    return parseArgs({ args, options: spec.options, strict: true, allowPositionals: spec.positionals ?? false });
  } catch (error) {
    if (isParseArgsError(error)) throw new UsageError(readableParseError(error));
    throw error;
  }
}

/** Writes a usage error and the usage to stderr; returns exit code 2. */
export function usageFailure(spec: { name: string; usage: string }, error: unknown): number {
  process.stderr.write(`ai-news-annotator ${spec.name}: ${forTerminal(error instanceof Error ? error.message : String(error))}\n\n${spec.usage}\n`);
  return 2;
}

/** Prints the usage on stdout for `--help`; returns exit code 0. */
export function printUsage(spec: { usage: string }): number {
  process.stdout.write(`${spec.usage}\n`);
  return 0;
}

/**
 * Runs a subcommand: parses, answers `--help`, and turns a UsageError (from parsing or from the
 * body's own checks) into exit code 2 with the usage.
 */
export async function runCommand<T extends OptionsConfig>(
  spec: CommandLine<T>,
  args: string[],
  body: (parsed: ReturnType<typeof parseCommandLine<T>>) => Promise<number>,
): Promise<number> {
  try {
    const parsed = parseCommandLine(spec, args);
    if ((parsed.values as { help?: boolean }).help) return printUsage(spec);
    return await body(parsed);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(spec, error);
    throw error;
  }
}
