import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  CONTEXT_OPTIONS,
  CONTEXT_OPTION_IDS,
  ISO_TIME_EXPECTED,
  contextOption,
  findRule,
  parseJson,
  type ContextOptionId,
  type JsonNode,
  type RuleSettings,
} from '@samlint/core';
// Ajv: the reference JSON Schema validator (draft 2020-12), with error objects that carry the JSON
// pointer we turn into a path and a line:column; no native code, runs on Node 20.
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import { findNodeAtLocation, getNodeValue, type Segment } from 'jsonc-parser';
import { CONFIG_SCHEMA } from './config-schema.js';
import { CONFIG_FILE, ConfigError, type ConfigArgs } from './config-options.js';
import type { Io } from './io.js';
import { UsageError, type ContextArgs } from './options.js';

export interface Config {
  /** The file as the user would name it: relative to the working directory when it is below it. */
  file: string;
  /** The context it sets, file paths resolved against its directory. */
  args: ContextArgs;
  settings: RuleSettings;
  /** Whether output is redacted when no --redact or --no-redact is given. */
  redact?: boolean;
}

/** samlint.config.json as written (the schema's shape; validated before it is read): file paths are relative to it. */
interface ConfigFile extends ContextArgs {
  rules?: NonNullable<RuleSettings['rules']>;
  ignores?: Array<{ code: string; issuer?: string; reason: string }>;
  redact?: boolean;
}

/** The nearest samlint.config.json from the working directory up to the file-system root. */
export function findConfig(io: Io): string | undefined {
  for (let dir = io.cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (io.pathKind(candidate) === 'file') return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The config the flags ask for: the one named, none, or the nearest one; flags are not merged here.
 * `parse` is parseConfig, or one that remembers (the language server's).
 */
export function loadConfig(io: Io, args: ConfigArgs, parse: typeof parseConfig = parseConfig): Config | undefined {
  if (args.config === false) return undefined;
  if (args.config === '') throw new UsageError(`--config needs the path of a ${CONFIG_FILE}`);
  const path = args.config ?? findConfig(io);
  if (path === undefined) return undefined;
  const absolute = resolve(io.cwd, path);
  const shown = relative(io.cwd, absolute);
  const file = shown.startsWith('..') || isAbsolute(shown) ? absolute : shown;
  return parse(io.readFile(path), file, dirname(absolute));
}

/** Flags override the file; a repeated flag (--cert) replaces the file's list, it does not add to it. */
export function mergeArgs(flags: ContextArgs, config: Config | undefined): ContextArgs {
  if (!config) return flags;
  const given = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  return { ...config.args, ...given };
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

/**
 * Ajv costs ~50 ms to load: only runs that have a config pay for it (a synchronous require of the
 * CommonJS build). An ES module has no `require`; the extension's bundle of the CLI has one, and esbuild
 * follows that call into the bundle.
 */
function compileValidator(): ReturnType<Ajv2020['compile']> {
  const { Ajv2020: Ajv } = (typeof require === 'function' ? require('ajv/dist/2020.js') : createRequire(import.meta.url)('ajv/dist/2020.js')) as typeof import('ajv/dist/2020.js');
  return new Ajv({ allErrors: true }).compile(CONFIG_SCHEMA);
}

/** Reads a config's text; a ConfigError names the file, the place and the JSON path of everything wrong. */
export function parseConfig(text: string, file: string, dir: string): Config {
  const doc = parseJson(text, 'input');
  const fail = (problems: Problem[]) => {
    const inOrder = [...problems].sort((a, b) => a.offset - b.offset);
    throw new ConfigError(inOrder.map(({ offset, path, message }) => ({ file, ...doc.source.positionOf(offset), path, message })));
  };
  const syntax = doc.problems[0];
  if (syntax || !doc.root) {
    const detail = syntax?.kind === 'limit' ? syntax.detail : words(syntax?.detail ?? 'ValueExpected');
    fail([{ offset: syntax?.offset ?? 0, message: `invalid JSON: ${detail}` }]);
  }
  const root = doc.root as JsonNode;
  validator ??= compileValidator();
  const value: unknown = getNodeValue(root);
  if (!validator(value)) fail((validator.errors ?? []).map((error) => schemaProblem(root, error)));
  const config = value as ConfigFile;
  const unknown: Problem[] = [
    ...Object.keys(config.rules ?? {}).map((key) => ({ path: ['rules', key], key: true, code: key })),
    ...(config.ignores ?? []).map((ignore, i) => ({ path: ['ignores', i, 'code'], key: false, code: ignore.code })),
  ]
    .filter(({ code }) => !findRule(code))
    .map(({ path, key, code }) => problemAt(root, path, key, `no rule has the code or name \`${code}\``));
  if (unknown.length) fail(unknown);
  return { file, args: contextArgs(config, dir), settings: { rules: config.rules, ignores: config.ignores }, redact: config.redact };
}

interface Problem {
  offset: number;
  path?: string;
  message: string;
}

/** `$.ignores[0].code`: JSONPath, as editors and jq users read it. */
function jsonPath(path: Segment[]): string {
  return `$${path.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('')}`;
}

/** A problem at a path: at the property's key when the key is what is wrong, else at its value. */
function problemAt(root: JsonNode, path: Segment[], key: boolean, what: string): Problem {
  const node = findNodeAtLocation(root, path);
  const at = key ? node?.parent?.children?.[0] : node;
  return { offset: (at ?? node ?? root).offset, path: jsonPath(path), message: what };
}

/** What a value of a context option with a pattern looks like, in words. */
function expected(key: string | number | undefined): string | undefined {
  if (typeof key !== 'string' || !Object.hasOwn(CONTEXT_OPTIONS, key)) return undefined;
  const option = contextOption(key as ContextOptionId);
  return option.type === 'time' ? `${ISO_TIME_EXPECTED}, or \`now\`` : option.pattern?.expected;
}

function schemaProblem(root: JsonNode, error: ErrorObject): Problem {
  const path = segments(root, error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return problemAt(root, [...path, String(params.additionalProperty)], true, 'not a samlint.config.json field');
    case 'required':
      return problemAt(root, path, false, `\`${String(params.missingProperty)}\` is required`);
    case 'enum':
      return problemAt(root, path, false, `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
    case 'pattern':
      return problemAt(root, path, false, `must be ${expected(path.at(-1)) ?? `a string matching ${String(params.pattern)}`}`);
    default:
      return problemAt(root, path, false, error.message ?? 'is not valid here');
  }
}

/** A JSON pointer's segments; a pointer does not say whether `0` is an index or a key, the document does. */
function segments(root: JsonNode, pointer: string): Segment[] {
  const path: Segment[] = [];
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path.push(findNodeAtLocation(root, path)?.type === 'array' ? Number(segment) : segment);
  }
  return path;
}

/** `CommaExpected` → `comma expected`. */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The context the config sets, its file paths resolved against its directory. */
function contextArgs(config: ConfigFile, dir: string): ContextArgs {
  const resolved = (id: ContextOptionId) => {
    const value = config[id];
    if (value === undefined || contextOption(id).type !== 'file') return value;
    return Array.isArray(value) ? value.map((path) => resolve(dir, path)) : resolve(dir, value as string);
  };
  return Object.fromEntries(CONTEXT_OPTION_IDS.map((id) => [id, resolved(id)]));
}
