import { Chalk } from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import { CONFIG_OPTIONS } from '../config-options.js';
import { failureText } from '../failure.js';
import { FORMATS, type FormatName } from '../format/index.js';
import { countFindings, type Counts, type FileResult } from '../format/types.js';
import type { Io } from '../io.js';
import type { LintInputsArgs, LintRun } from '../lint-inputs.js';
import { CONTEXT_FLAGS, REDACT_OPTIONS, UsageError } from '../options.js';

/** What decides a check run besides its inputs and context: which findings count, and when they fail it. */
export interface CheckOptions extends LintInputsArgs {
  exitZero: boolean;
  maxWarnings?: number;
  quiet: boolean;
}

interface CheckArgs extends CheckOptions {
  inputs: string[];
  format: FormatName;
  outputFile?: string;
}

/** The exit codes, for `--help` (samlint's and check's) and the README. */
export const EXIT_CODES =
  'Exit codes: 0 no errors and no more warnings than --max-warnings; 1 errors found, or more warnings than ' +
  '--max-warnings (--exit-zero turns 1 into 0); 2 usage error, unreadable input or an --output-file that cannot be written.';

/** --quiet, as ESLint's: warnings and infos are dropped before any format sees them, so none shows or counts them. */
function errorsOnly(file: FileResult): FileResult {
  return { ...file, result: { ...file.result, findings: file.result.findings.filter((f) => f.severity === 'error') } };
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR overrides both. */
export function colourLevel(io: Io): 0 | 1 {
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR === '0' ? 0 : 1;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  return io.isTTY ? 1 : 0;
}

export function checkCommand(io: Io, setExitCode: (code: number) => void): CommandModule<object, CheckArgs> {
  return {
    command: 'check <inputs..>',
    describe: 'Lint captured SAMLResponses (base64, form body or XML; `-` reads stdin)',
    builder: (yargs) =>
      (yargs as Argv)
        .positional('inputs', {
          type: 'string',
          array: true,
          describe: 'Files holding a capture, directories (searched recursively), quoted globs, or - for stdin',
        })
        .options(CONTEXT_FLAGS)
        .options(CONFIG_OPTIONS)
        .options(REDACT_OPTIONS)
        .option('format', { choices: Object.keys(FORMATS) as FormatName[], default: 'stylish' as FormatName, describe: 'Output format' })
        .option('exit-zero', { type: 'boolean', default: false, describe: 'Exit 0 even when errors or too many warnings are found' })
        .option('max-warnings', { type: 'number', describe: 'Exit 1 when more than this many warnings are found (infos never count)' })
        .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only: warnings and infos are neither shown nor counted' })
        .option('output-file', { alias: 'o', type: 'string', normalize: true, describe: 'Write the report to this file (its directory is created) instead of stdout' })
        .example('$0 check response.b64 --relay-state "$RELAY" --users users.csv', 'lint a pasted SAMLResponse with context')
        .example('pbpaste | $0 check - --now now', 'lint the clipboard against this machine’s clock')
        .example("$0 check 'exports/**/*.xml'", 'lint every XML file under exports/ (quoted: samlint expands the glob)')
        .example('$0 check exports/ --format gcc --max-warnings 0', 'fail a CI job on any error or warning, in lines editors read')
        .epilogue(EXIT_CODES) as unknown as Argv<CheckArgs>,
    handler: async (args) => {
      const report: Report = {
        format: args.format,
        write: (text) => (args.outputFile === undefined ? io.stdout(text) : io.writeFile(args.outputFile, text)),
        // A file is no terminal: it gets no colour, whatever FORCE_COLOR says.
        colour: args.outputFile === undefined ? colourLevel(io) : 0,
      };
      // JSON piped into a program is a scripted run: no progress, even on an interactive stderr.
      const { exitCode } = await runCheck(io, args, [report], io.stderrIsTTY && !(args.format === 'json' && !io.isTTY));
      setExitCode(exitCode);
    },
  };
}

/** One report of a check run: its format, where it goes and whether it is painted. */
export interface Report {
  format: FormatName;
  write(text: string): void;
  colour: 0 | 1;
}

/** What `check` decides, for whoever reports on it besides its own reports (the GitHub Action). */
export interface CheckRun extends LintRun {
  counts: Counts;
  /** 0, or 1 for errors or more warnings than --max-warnings (unless --exit-zero). */
  exitCode: 0 | 1;
}

/**
 * `check`: lints the inputs once and writes each report; throws a UsageError or InputError for a usage
 * error or an unreadable input (exit 2), after writing a log that says the run failed to each SARIF report.
 */
export async function runCheck(io: Io, args: CheckOptions, reports: Report[], showProgress = false): Promise<CheckRun> {
  const { maxWarnings } = args;
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError('--max-warnings takes a whole number of warnings, 0 or more');
  }
  // Loaded when a run lints, not when samlint starts (--help, --version).
  const { lintInputs, progressLine } = await import('../lint-inputs.js');
  const progress = progressLine(io, showProgress);
  let run: LintRun;
  try {
    run = lintInputs(io, args, { progress: progress.update });
  } catch (error) {
    // Code scanning still gets a log, one saying the run failed; main() reports the error and exits 2 as ever.
    const sarif = reports.filter((report) => report.format === 'sarif');
    if (sarif.length) {
      const log = (await import('../format/sarif.js')).formatSarifFailure(failureText(error), io.cwd);
      for (const report of sarif) report.write(log);
    }
    throw error;
  } finally {
    progress.done();
  }
  const { config } = run;
  const results = args.quiet ? run.results.map(errorsOnly) : run.results;
  for (const report of reports) report.write(await FORMATS[report.format]({ results, config, chalk: new Chalk({ level: report.colour }), cwd: io.cwd }));
  const counts = countFindings(results);
  const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
  if (tooManyWarnings) io.stderr(`samlint: ${counts.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
  return { ...run, results, counts, exitCode: (counts.error > 0 || tooManyWarnings) && !args.exitZero ? 1 : 0 };
}
