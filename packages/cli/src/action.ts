import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { colourLevel, runCheck, type Report } from './commands/check.js';
import { failureReport } from './failure.js';
import { escapeData } from './format/github.js';
import { formatGithubSummary } from './format/github-summary.js';
import { FORMATS, type FormatName } from './format/index.js';
import type { Io } from './io.js';
import { UsageError } from './options.js';

/** The action's `format` choices: the CLI's, and `annotations` (its default), the CLI's `github`. */
export const ACTION_FORMATS: Record<string, FormatName> = { annotations: 'github', ...Object.fromEntries(Object.keys(FORMATS).map((name) => [name, name])) };

/** The step's inputs, as `samlint check` takes them. */
interface ActionInputs {
  paths: string[];
  format: FormatName;
  sarifFile?: string;
  maxWarnings?: number;
  config?: string;
  redact?: boolean;
}

/** An input as the runner passes it: `INPUT_<NAME>`, upper-cased, spaces as `_`, hyphens kept; empty when not given. */
function input(env: Io['env'], name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A boolean input as YAML 1.2's core schema spells it (what @actions/core's getBooleanInput accepts); absent when empty. */
function booleanInput(env: Io['env'], name: string): boolean | undefined {
  const value = input(env, name);
  if (value === '') return undefined;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`input \`${name}\` is \`${value}\`, not true or false`);
}

function readInputs(env: Io['env']): ActionInputs {
  // Spaces and line breaks separate paths, as a YAML block (`paths: |`) or one line writes them.
  const paths = input(env, 'paths').split(/\s+/).filter(Boolean);
  if (!paths.length) throw new UsageError('input `paths` names no file, directory or glob to check');
  const formatName = input(env, 'format') || 'annotations';
  const format = Object.hasOwn(ACTION_FORMATS, formatName) ? ACTION_FORMATS[formatName] : undefined;
  if (!format) throw new UsageError(`input \`format\` is \`${formatName}\`, not one of ${Object.keys(ACTION_FORMATS).join(', ')}`);
  const maxWarnings = input(env, 'max-warnings');
  return {
    paths,
    format,
    sarifFile: input(env, 'sarif-file') || undefined,
    // Number('') would be 0; anything not a whole number is check's usage error.
    maxWarnings: maxWarnings === '' ? undefined : Number(maxWarnings),
    config: input(env, 'config') || undefined,
    redact: booleanInput(env, 'redact'),
  };
}

/** Appends to a file the runner names in `variable` (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY); a runner without it gets nothing. */
function appendRunnerFile(env: Io['env'], variable: string, text: string): void {
  const file = env[variable];
  if (file) appendFileSync(file, text);
}

/** Step outputs in the runner's file-command syntax, each as a heredoc with a delimiter no value can hold. */
function setOutputs(env: Io['env'], outputs: Record<string, string>): void {
  const text = Object.entries(outputs).map(([name, value]) => {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  });
  appendRunnerFile(env, 'GITHUB_OUTPUT', text.join(''));
}

/**
 * The GitHub Action (action.yml): `samlint check` on the step's inputs, its report (annotations by
 * default) on stdout, SARIF also to `sarif-file`, the counts as outputs and a job summary. Returns the
 * exit code `check` would: 0, 1 for errors or too many warnings, 2 for a usage error or an unreadable
 * input, reported as an error annotation. It never calls process.exit (action-bin.ts sets the code).
 */
export async function runAction(io: Io): Promise<number> {
  let sarifFile: string | undefined;
  const sarifOutput = () => ({ 'sarif-file': sarifFile ?? '' });
  try {
    const inputs = readInputs(io.env);
    const reports: Report[] = [{ format: inputs.format, write: io.stdout, colour: colourLevel(io) }];
    const { sarifFile: sarifPath } = inputs;
    if (sarifPath !== undefined) {
      reports.push({
        format: 'sarif',
        write: (text) => {
          io.writeFile(sarifPath, text);
          sarifFile = sarifPath;
        },
        colour: 0,
      });
    }
    const { paths, config, redact, maxWarnings } = inputs;
    const run = await runCheck(io, { inputs: paths, config, redact, maxWarnings, quiet: false, exitZero: false }, reports);
    setOutputs(io.env, { errors: String(run.counts.error), warnings: String(run.counts.warning), ...sarifOutput() });
    appendRunnerFile(io.env, 'GITHUB_STEP_SUMMARY', formatGithubSummary(run.results, io.cwd, run.config));
    return run.exitCode;
  } catch (error) {
    const report = failureReport(error);
    io.stdout(`::error title=samlint::${escapeData(report.trimEnd())}\n`);
    // A SARIF log saying the run failed was still written for code scanning (runCheck): say where.
    setOutputs(io.env, sarifOutput());
    appendRunnerFile(io.env, 'GITHUB_STEP_SUMMARY', `## samlint\n\nsamlint could not run:\n\n\`\`\`text\n${report}\`\`\`\n`);
    return 2;
  }
}
