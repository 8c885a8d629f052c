import { join, resolve } from 'node:path';
import { CONTEXT_OPTION_IDS, Redaction, applyRuleSettings, contextOption, lintFile, redactText, type Artifact, type LintOptions, type RuleSettings } from '@samlint/core';
import { isDynamicPattern } from 'tinyglobby';
import { CONFIG_FILE, type ConfigArgs } from './config-options.js';
import { loadConfig, mergeArgs, type Config } from './config.js';
import type { ArtifactFiles, FileResult } from './format/types.js';
import { STDIN, readInput, type Io } from './io.js';
import { UsageError, flagContext, toLintOptions, type ContextArgs } from './options.js';

/** What a directory is searched for: pasted captures, XML, HAR and SAML-tracer exports, policies, saved IdP pages, IdP configuration (JSON, Terraform source). */
export const INPUT_EXTENSIONS = ['xml', 'b64', 'saml', 'txt', 'har', 'json', 'html', 'htm', 'tf'] as const;

/** Pages a directory holds are mostly not captures: only one that carries a SAMLResponse is linted. */
const HTML_FILE = /\.html?$/i;

/** Never entered, whatever is asked: dependencies are no one's captures (dot-directories are skipped too). */
const SKIPPED = ['**/node_modules/**'];

/** A text the caller holds (an editor's document), linted as the file at `path` would be; `source` names it in results. */
export interface HeldInput {
  source: string;
  text: string;
  path?: string;
}

/** What to lint: a file, directory or glob, `-` for stdin, or a text the caller holds. */
export type Input = string | HeldInput;

/** The arguments of a command that lints: its inputs, and the context flags (CONTEXT_FLAGS) under their names. */
export interface LintInputsArgs extends ConfigArgs {
  inputs: Input[];
  redact?: boolean;
  [flag: string]: unknown;
}

export interface LintRun {
  results: FileResult[];
  /** The samlint.config.json used, as the user would name it. */
  config?: string;
}

/** Called before each file is read: its place in the run and its name. */
export type Progress = (index: number, total: number, source: string) => void;

export interface LintInputsOptions {
  /** Called before each input is read. */
  progress?: Progress;
  /** The config, when the caller resolved it (the language server's, under the editor's settings); else `args` say which to load. */
  config?: Config;
  /** The time validity is checked against when neither `--now`, the config nor a capture gives one (core's `defaultNow`). */
  defaultNow?: Date;
}

/**
 * samlint's one way to lint: every input with the context of the flags over samlint.config.json, each
 * as `lintFile` reads a file (a result per login of a HAR file or SAML-tracer export, labelled by its
 * `entry`; one for anything else), the config's rule settings applied, redacted when asked. The
 * commands that lint (`check`, `why`) and the language server (an editor's document) call it.
 */
export function lintInputs(io: Io, args: LintInputsArgs, { progress, config = loadConfig(io, args), defaultNow }: LintInputsOptions = {}): LintRun {
  const merged = mergeArgs(flagContext(args), config);
  const options: LintOptions = { ...toLintOptions(merged, io), ...(defaultNow && { defaultNow }) };
  const context = contextFiles(merged);
  const settings = config?.settings ?? {};
  const inputs = resolveInputs(io, args.inputs);
  const redact = args.redact ?? config?.redact ?? false;
  const results = inputs.flatMap((input, i): FileResult[] => {
    const name = typeof input !== 'string' ? input.source : input === STDIN ? '<stdin>' : input;
    progress?.(i + 1, inputs.length, redact ? redactText(name) : name);
    const { source, text, path } = typeof input === 'string' ? readPath(io, input) : input;
    const files = path === undefined ? context : { input: path, ...context };
    return lintFile(text, options).map((linted) => {
      const { suppressed, ...result } = applyRuleSettings(linted, settings);
      return { source, result, suppressed, files };
    });
  });
  // Once, before any format sees the results: every format, present and future, prints them redacted.
  const output = redact ? redactResults(results) : results;
  return config ? { results: output, config: config.file } : { results: output };
}

/** A file's text, or stdin's; stdin is no file that findings could point into. */
function readPath(io: Io, input: string): HeldInput {
  const { source, text } = readInput(io, input);
  return input === STDIN ? { source, text } : { source, text, path: source };
}

/**
 * `--redact`: each result, and the file names (a capture may be named after its user), with placeholders
 * for personal values, numbered per file (the logins of a HAR file share them): a file's report does
 * not depend on which other files the run checks, so SARIF fingerprints stay stable.
 */
export function redactResults(results: FileResult[]): FileResult[] {
  const redactions = new Map<string, Redaction>();
  return results.map((file) => {
    const redaction = redactions.get(file.source) ?? new Redaction();
    redactions.set(file.source, redaction);
    const redactor = redaction.for(file.result.personal);
    const result = redactor.result(file.result);
    const files = file.files && Object.fromEntries(Object.entries(file.files).map(([artifact, path]) => [artifact, redactor.text(path)]));
    return { ...file, source: redactor.text(file.source), result, files };
  });
}

/** The context files the flags (or the config) name, by the artifact their findings point into. */
export function contextFiles(context: ContextArgs): ArtifactFiles {
  return Object.fromEntries(
    CONTEXT_OPTION_IDS.flatMap((id) => {
      const { artifact } = contextOption(id);
      const path = context[id];
      return artifact && typeof path === 'string' ? [[artifact, path]] : [];
    }),
  );
}

/**
 * The files the input arguments name, in order, each once: a file as given, a directory's files with a
 * known extension (recursively), a glob's matches; those of a directory or a glob in sorted order.
 * A directory or a glob that yields nothing is a usage error; a missing plain file fails when it is read.
 * A text the caller holds stays as it is.
 */
export function resolveInputs(io: Io, inputs: Input[]): Input[] {
  const seen = new Set<string>();
  const files: Input[] = [];
  for (const input of inputs) {
    if (typeof input !== 'string') {
      files.push(input);
      continue;
    }
    for (const file of expand(io, input)) {
      const key = file === STDIN ? file : resolve(io.cwd, file);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return files;
}

function expand(io: Io, input: string): string[] {
  if (input === STDIN) return [input];
  const kind = io.pathKind(input);
  if (kind === 'file') return [input];
  if (kind === 'directory') {
    const found = io.glob([`**/*.{${INPUT_EXTENSIONS.join(',')}}`], {
      cwd: input,
      // A config is never a capture, though it ends in .json.
      ignore: [...SKIPPED, `**/${CONFIG_FILE}`],
      ignoreCase: true,
    });
    const files = found.sort(comparePaths).map((file) => join(input, file));
    const captures = files.filter((file) => !HTML_FILE.test(file) || mentionsSamlResponse(io, file));
    if (!captures.length) {
      const pages = files.length ? ` (${files.length} HTML ${files.length === 1 ? 'page' : 'pages'} without a SAMLResponse)` : '';
      throw new UsageError(`no ${INPUT_EXTENSIONS.map((e) => `.${e}`).join(' ')} file in directory \`${input}\`${pages}`);
    }
    return captures;
  }
  if (isDynamicPattern(input)) {
    const found = io.glob([input], { cwd: io.cwd, ignore: SKIPPED });
    if (!found.length) throw new UsageError(`no file matches \`${input}\``);
    return found.sort(comparePaths);
  }
  return [input];
}

/** Whether a file holds the word `SAMLResponse`; one that cannot be read is kept, so that reading it reports why. */
function mentionsSamlResponse(io: Io, file: string): boolean {
  try {
    return io.readFile(file).includes('SAMLResponse');
  } catch {
    return true;
  }
}

/** Segment by segment in code-point order: the same on every machine and locale. */
function comparePaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** The widest progress line: a narrower terminal wraps it, and `\r` then rewrites only its last row. */
const PROGRESS_WIDTH = 79;
const CLEAR_LINE = '\r\u001b[2K';

/**
 * `checking 37/120 exports/okta/foo.xml`, rewritten in place on stderr, for a run of several files
 * when `enabled` (the caller decides: a terminal, and not JSON piped away). `done` clears it.
 */
export function progressLine(io: Io, enabled: boolean): { update: Progress; done: () => void } {
  let shown = false;
  return {
    update(index, total, source) {
      if (!enabled || total < 2) return;
      const head = `checking ${index}/${total} `;
      const room = PROGRESS_WIDTH - head.length;
      const name = source.length > room ? `…${source.slice(source.length - room + 1)}` : source;
      io.stderr(`${CLEAR_LINE}${head}${name}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr(CLEAR_LINE);
      shown = false;
    },
  };
}
