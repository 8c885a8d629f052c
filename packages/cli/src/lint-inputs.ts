import { join, resolve } from 'node:path';
import { Redaction, applyRuleSettings, lintFile, redactText, type Artifact, type LintOptions, type RuleSettings } from '@samlint/core';
import { isDynamicPattern } from 'tinyglobby';
import type { Options } from 'yargs';
import { CONFIG_FILE, loadConfig, mergeArgs, type ConfigArgs } from './config.js';
import type { ArtifactFiles, FileResult } from './format/types.js';
import { STDIN, readInput, type Io } from './io.js';
import { UsageError, toLintOptions, type ContextArgs } from './options.js';

/** What a directory is searched for: pasted captures, XML, HAR and SAML-tracer exports, policies, saved IdP pages. */
export const INPUT_EXTENSIONS = ['xml', 'b64', 'saml', 'txt', 'har', 'json', 'html', 'htm'] as const;

/** Pages a directory holds are mostly not captures: only one that carries a SAMLResponse is linted. */
const HTML_FILE = /\.html?$/i;

/** Never entered, whatever is asked: dependencies are no one's captures (dot-directories are skipped too). */
const SKIPPED = ['**/node_modules/**'];

/** `--redact` of the commands that lint; absent, samlint.config.json's `redact` decides. */
export const REDACT_OPTIONS = {
  redact: {
    type: 'boolean',
    describe: 'Replace NameIDs, RoleSessionNames, emails, account ids and signature values with placeholders (docs/redaction.md)',
  },
} as const satisfies Record<string, Options>;

export interface LintInputsArgs extends ContextArgs, ConfigArgs {
  inputs: string[];
  redact?: boolean;
}

export interface LintRun {
  results: FileResult[];
  /** The samlint.config.json used, as the user would name it. */
  config?: string;
}

/** Called before each file is read: its place in the run and its name. */
export type Progress = (index: number, total: number, source: string) => void;

/**
 * Lints every input with the context of the flags over samlint.config.json, and applies the config's
 * rule settings. Shared by the commands that lint (`check`, `why`).
 */
export function lintInputs(io: Io, args: LintInputsArgs, progress?: Progress): LintRun {
  const config = loadConfig(io, args);
  const merged = mergeArgs(args, config);
  const options = toLintOptions(merged, io);
  const context = contextFiles(merged);
  const inputs = resolveInputs(io, args.inputs);
  const redact = args.redact ?? config?.redact ?? false;
  const results = inputs.flatMap((input, i): FileResult[] => {
    const name = input === STDIN ? '<stdin>' : input;
    progress?.(i + 1, inputs.length, redact ? redactText(name) : name);
    const { source, text } = readInput(io, input);
    return lintText(text, source, input === STDIN ? context : { input: source, ...context }, options, config?.settings ?? {});
  });
  // Once, before any format sees the results: every format, present and future, prints them redacted.
  const output = redact ? redactResults(results) : results;
  return config ? { results: output, config: config.file } : { results: output };
}

/**
 * One text linted as samlint lints a file, the config's rule settings applied: a result per login of a
 * HAR file or SAML-tracer export (each labelled by its `entry`), one for anything else. Shared by the
 * commands and the language server, which lints the editor's text.
 */
export function lintText(text: string, source: string, files: ArtifactFiles, options: LintOptions, settings: RuleSettings): FileResult[] {
  return lintFile(text, options).map((linted) => {
    const { suppressed, ...result } = applyRuleSettings(linted, settings);
    return { source, result, suppressed, files };
  });
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
export function contextFiles(args: ContextArgs): ArtifactFiles {
  const named: Array<[Artifact, string | undefined]> = [
    ['users', args.users],
    ['metadata', args.metadata],
    ['trust-policy', args.trustPolicy],
    ['permission-policy', args.permissionPolicy],
  ];
  return Object.fromEntries(named.filter((entry): entry is [Artifact, string] => entry[1] !== undefined));
}

/**
 * The files the input arguments name, in order, each once: a file as given, a directory's files with a
 * known extension (recursively), a glob's matches; those of a directory or a glob in sorted order.
 * A directory or a glob that yields nothing is a usage error; a missing plain file fails when it is read.
 */
export function resolveInputs(io: Io, inputs: string[]): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const input of inputs) {
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
