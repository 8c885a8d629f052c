// A Terraform resource's settings as every Terraform reader hands them on: the plan's `after` and
// `after_unknown` pair (facts idp-config-exports.md §1.1). A state has no unknowns; Terraform source
// (`.tf`) is turned into the same pair, with each expression samlint does not evaluate marked as
// unknown and named, so that one mapping per resource type reads all three.
import type { JsonNode } from '../model/json.js';
import type { ConfigValue } from '../model/idp-config.js';
import { items, property } from '../json/tree.js';
import { knownBoolean, knownString, rangeOf } from './values.js';

export interface ResourceValues {
  /** The resource type: `okta_app_saml`. */
  type: string;
  /** The address as a string node (`okta_app_saml.connect`): what the detected line names and app-wide findings point at. */
  address: JsonNode;
  values: JsonNode | undefined;
  /** `after_unknown`: `true` where a value is not known, in the shape of `values`. */
  unknown: JsonNode | undefined;
  /** Terraform source only: the expression each `true` of `unknown` stands for. */
  unresolved?: ReadonlyMap<JsonNode, string>;
  /**
   * The resources each top-level argument refers to, by address (`client_id` → `keycloak_saml_client.aws`):
   * the plan's `configuration` expressions, or the traversals in the source.
   */
  references: ReadonlyMap<string, readonly string[]>;
  /** The path of `values` in the file, for the paths findings name. */
  at: string;
}

export type PathStep = string | number;

/** `after_unknown` at a path: `true` there (or above it) means not known. */
function unknownAt(unknown: JsonNode | undefined, path: readonly PathStep[]): JsonNode | undefined {
  let node = unknown;
  for (const step of path) {
    if (node?.type === 'boolean') break;
    node = typeof step === 'number' ? items(node)[step] : property(node, step);
  }
  return node?.type === 'boolean' && node.value === true ? node : undefined;
}

/** A path as findings name it: `….attribute_statements[0].values`, `….config["attribute.name"]`. */
export function pathText(resource: ResourceValues, path: readonly PathStep[]): string {
  return path.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : /^[\w-]+$/.test(step) ? `${text}.${step}` : `${text}["${step}"]`), resource.at);
}

/** The value at a path when it is not known: unknown until apply (a plan), or an expression of the source. */
export function notKnown(resource: ResourceValues, path: readonly PathStep[]): Extract<ConfigValue, { state: 'unknown' | 'unresolved' }> | undefined {
  const flagged = unknownAt(resource.unknown, path);
  if (!flagged) return undefined;
  const expression = resource.unresolved?.get(flagged);
  const where = { path: pathText(resource, path), range: rangeOf(flagged) };
  return expression === undefined ? { state: 'unknown', ...where } : { state: 'unresolved', expression, ...where };
}

function nodeAt(node: JsonNode | undefined, path: readonly PathStep[]): JsonNode | undefined {
  return path.reduce<JsonNode | undefined>((at, step) => (typeof step === 'number' ? items(at)[step] : property(at, step)), node);
}

/** A string (or number) setting. */
export function resourceString(text: string, resource: ResourceValues, path: readonly PathStep[]): ConfigValue {
  return notKnown(resource, path) ?? knownString(text, nodeAt(resource.values, path), pathText(resource, path));
}

/** A boolean setting. */
export function resourceFlag(resource: ResourceValues, path: readonly PathStep[]): ConfigValue<boolean> {
  return notKnown(resource, path) ?? knownBoolean(nodeAt(resource.values, path), pathText(resource, path));
}

/** Why a whole list of settings is not known, as IDP001 says it. */
export function notKnownWhy(value: { state: 'unknown' } | { state: 'unresolved'; expression: string }): string {
  return value.state === 'unknown' ? 'the plan knows them only after apply' : `they come from \`${value.expression}\`, which samlint does not evaluate in Terraform source`;
}

/** `keycloak_saml_client.aws["eu"]` → `keycloak_saml_client.aws`: the configuration names a resource, not its instances. */
export function withoutIndex(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}
