import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { findRule, parseJson, type JsonDocument, type JsonNode, type RuleSettings } from '@samlint/core';
// Ajv: the reference JSON Schema validator (draft 2020-12), with error objects that carry the JSON
// pointer we turn into a path and a line:column; no native code, runs on Node 20.
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import { findNodeAtLocation, getNodeValue, type Segment } from 'jsonc-parser';
import type { Options } from 'yargs';
import { CONFIG_SCHEMA } from './config-schema.js';
import type { Io } from './io.js';
import { UsageError, type ContextArgs } from './options.js';

export const CONFIG_FILE = 'samlint.config.json';

/** The flags of every command that lints. */
export const CONFIG_OPTIONS = {
  config: {
    type: 'string',
    describe: `The ${CONFIG_FILE} to use (default: the nearest one from the working directory up); --no-config ignores it`,
  },
} as const satisfies Record<string, Options>;

/** `--config <path>` names the file; `--no-config` (false) ignores any. */
export interface ConfigArgs {
  config?: string | false;
}

export interface Config {
  /** The file as the user would name it: relative to the working directory when it is below it. */
  file: string;
  /** The context it sets, file paths resolved against its directory. */
  args: ContextArgs;
  settings: RuleSettings;
  /** Whether output is redacted when no --redact or --no-redact is given. */
  redact?: boolean;
}

/** samlint.config.json as written (the schema's shape; validated before it is read). */
interface ConfigFile extends Omit<ContextArgs, 'cert'> {
  certificates?: string[];
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

/** The config the flags ask for: the one named, none, or the nearest one; flags are not merged here. */
export function loadConfig(io: Io, args: ConfigArgs): Config | undefined {
  if (args.config === false) return undefined;
  if (args.config === '') throw new UsageError(`--config needs the path of a ${CONFIG_FILE}`);
  const path = args.config ?? findConfig(io);
  if (path === undefined) return undefined;
  const absolute = resolve(io.cwd, path);
  const shown = relative(io.cwd, absolute);
  const file = shown.startsWith('..') || isAbsolute(shown) ? absolute : shown;
  return parseConfig(io.readFile(path), file, dirname(absolute));
}

/** Flags override the file; a repeated flag (--cert) replaces the file's list, it does not add to it. */
export function mergeArgs<T extends ContextArgs>(flags: T, config: Config | undefined): T {
  if (!config) return flags;
  const given = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  return { ...config.args, ...given } as T;
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

/** Reads a config's text: a usage error naming the file, the place and the JSON path for anything wrong. */
export function parseConfig(text: string, file: string, dir: string): Config {
  const doc = parseJson(text, 'input');
  const fail = (problems: Problem[]) => {
    const inOrder = [...problems].sort((a, b) => a.offset - b.offset);
    // main() puts `samlint: ` before the message; every further problem line gets it too.
    throw new UsageError(inOrder.map((p) => `${file}:${where(doc, p)}: ${p.message}`).join('\nsamlint: '));
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
  message: string;
}

function where(doc: JsonDocument, problem: Problem): string {
  const { line, column } = doc.source.positionOf(problem.offset);
  return `${line}:${column}`;
}

/** `$.ignores[0].code`: JSONPath, as editors and jq users read it. */
function jsonPath(path: Segment[]): string {
  return `$${path.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('')}`;
}

/** A problem at a path: at the property's key when the key is what is wrong, else at its value. */
function problemAt(root: JsonNode, path: Segment[], key: boolean, what: string): Problem {
  const node = findNodeAtLocation(root, path);
  const at = key ? node?.parent?.children?.[0] : node;
  return { offset: (at ?? node ?? root).offset, message: `${jsonPath(path)}: ${what}` };
}

const PATTERN_HINT: Record<string, string> = {
  region: 'an AWS Region code such as eu-west-2',
  now: 'an ISO 8601 time with a zone, e.g. 2026-11-27T09:00:30Z, or `now`',
};

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
      return problemAt(root, path, false, `must be ${PATTERN_HINT[String(path.at(-1))] ?? `a string matching ${String(params.pattern)}`}`);
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

function contextArgs(config: ConfigFile, dir: string): ContextArgs {
  const path = (value: string | undefined) => (value === undefined ? undefined : resolve(dir, value));
  return {
    region: config.region,
    instanceId: config.instanceId,
    relayState: config.relayState,
    users: path(config.users),
    metadata: path(config.metadata),
    cert: config.certificates?.map((certificate) => resolve(dir, certificate)),
    decryptionKey: path(config.decryptionKey),
    trustPolicy: path(config.trustPolicy),
    permissionPolicy: path(config.permissionPolicy),
    profile: config.profile,
    audience: config.audience,
    acs: config.acs,
    issuer: config.issuer,
    inResponseTo: config.inResponseTo,
    now: config.now,
    clockSkew: config.clockSkew,
  };
}
