// Microsoft Entra ID claims as SAML attributes: a claims mapping policy's `definition` (JSON in a
// string, the same in Microsoft Graph and in azuread's `definition`) and the beta customClaimsPolicy
// the admin center edits (facts idp-config-exports.md §4, §7.1).
import type { InputRange } from '../model/capture.js';
import type { JsonNode } from '../model/json.js';
import type { AttributeConfig, ConfigValue, UserSource } from '../model/idp-config.js';
import { items, property, stringOf } from '../json/tree.js';
import { embeddedJson, knownString, rangeOf, type EmbeddedJson } from './values.js';

/**
 * The values of the app roles, which a claim sourced from `user.assignedroles` sends (the user's
 * assigned ones); undefined when the file holds no application or service principal to read them from.
 */
export type AppRoleValues = ConfigValue[] | undefined;

/** A claims source as Entra names it in both policy kinds: `user.assignedroles`, `user.userprincipalname`. */
const ASSIGNED_ROLES = 'user.assignedroles';

/** Where a claim's value comes from, before the app roles are known. */
type ClaimSource = { kind: 'value'; value: ConfigValue } | { kind: 'expression'; expression: string; path: string; range: InputRange };

/** A user property sent as it is, and one sent through the ToLowercase transformation, as the readers write them. */
const USER_PROPERTY = /^user\.\w+$/;
const LOWER_CASED_USER_PROPERTY = /^ToLowercase\((user\.\w+)\)$/;

/** The user value a claim sends, when it is one property, as it is or lower-cased: what IDP006 judges the case of. */
function entraUserSource(expression: string): { reads: UserSource } | Record<string, never> {
  if (USER_PROPERTY.test(expression)) return { reads: { idp: 'entra', attribute: expression, lowerCased: false } };
  const lowerCased = LOWER_CASED_USER_PROPERTY.exec(expression)?.[1];
  return lowerCased ? { reads: { idp: 'entra', attribute: lowerCased, lowerCased: true } } : {};
}

function claimValues(source: ClaimSource, appRoles: AppRoleValues): ConfigValue[] {
  if (source.kind === 'value') return [source.value];
  if (source.expression === ASSIGNED_ROLES && appRoles) return appRoles;
  return [{ state: 'expression', expression: source.expression, path: source.path, range: source.range, ...entraUserSource(source.expression) }];
}

/** A `definition` string that holds a claims mapping policy, told by its key before it is parsed. */
export function isClaimsMappingDefinition(definition: JsonNode | undefined): boolean {
  return /"ClaimsMappingPolicy"\s*:/i.test(stringOf(definition) ?? '');
}

/**
 * A claims mapping policy's `definition` string: each ClaimsSchema entry with a `SamlClaimType` is
 * an attribute, its value a constant (`Value`), a user property (`Source`/`ID`, an expression), or a
 * transformation of inputs (`TransformationID`), written as Entra names it: `ToLowercase(user.mail)`.
 * Undefined when the string is not a claims mapping policy.
 */
export function claimsMappingPolicyClaims(text: string, definition: JsonNode | undefined, path: string): ((appRoles: AppRoleValues) => AttributeConfig[]) | undefined {
  const embedded = embeddedJson(text, definition);
  // Keys are read regardless of case: Microsoft's own examples write `TransformationId` and `TransformationID`.
  const policy = property(embedded?.root, 'ClaimsMappingPolicy', true);
  if (!embedded || !policy) return undefined;
  const schema = items(property(policy, 'ClaimsSchema', true));
  const transformations = items(property(policy, 'ClaimsTransformations', true) ?? property(policy, 'ClaimsTransformation', true));
  const field = (node: JsonNode | undefined, name: string) => stringOf(property(node, name, true));
  const byId = (nodes: JsonNode[]) => new Map(nodes.map((node) => [field(node, 'ID'), node]));
  const [entries, transformationsById] = [byId(schema), byId(transformations)];
  const sourceOf = (entry: JsonNode): string => {
    const id = field(entry, 'ID') ?? field(entry, 'ExtensionID') ?? '?';
    return `${(field(entry, 'Source') ?? 'user').toLowerCase()}.${id.toLowerCase()}`;
  };
  const transformed = (id: string): string => {
    const transformation = transformationsById.get(id);
    if (!transformation) return `the transformation ${id}, which the policy does not define`;
    const method = (field(transformation, 'TransformationMethod') ?? '?').replace(/\(\)$/, '');
    const inputs = items(property(transformation, 'InputClaims', true)).map((input) => {
      const reference = field(input, 'ClaimTypeReferenceId') ?? '?';
      const entry = entries.get(reference);
      return entry ? sourceOf(entry) : reference;
    });
    const parameters = items(property(transformation, 'InputParameters', true)).map((p) => `${field(p, 'ID') ?? '?'} ${JSON.stringify(field(p, 'Value') ?? '')}`);
    return `${method}(${[...inputs, ...parameters].join(', ')})`;
  };
  const at = (index: number) => `${path} ClaimsSchema[${index}]`;
  const sources = schema.flatMap((entry, index): Array<{ name: string; nameNode: JsonNode; source: ClaimSource }> => {
    const nameNode = property(entry, 'SamlClaimType', true);
    const name = stringOf(nameNode);
    if (!name || !nameNode) return [];
    const constant = property(entry, 'Value', true);
    const transformation = field(entry, 'TransformationID');
    const range = embedded.rangeInFile(entry);
    const source: ClaimSource = constant
      ? { kind: 'value', value: embeddedValue(text, embedded, constant, `${at(index)}.Value`) }
      : { kind: 'expression', expression: transformation ? transformed(transformation) : sourceOf(entry), path: at(index), range };
    return [{ name, nameNode, source }];
  });
  return (appRoles) =>
    sources.map(({ name, nameNode, source }, index) => ({ name, path: `${at(index)}.SamlClaimType`, range: embedded.rangeInFile(nameNode), values: claimValues(source, appRoles) }));
}

/** A string inside embedded JSON as a known value, its range in the file; verbatim when the file's text there is the value. */
function embeddedValue(text: string, embedded: EmbeddedJson, node: JsonNode, path: string): ConfigValue {
  const value = knownString(embedded.text, node, path);
  if (value.state !== 'known') return value;
  const inner = node.type === 'string' ? { ...node, offset: node.offset + 1, length: node.length - 2 } : node;
  const range = embedded.rangeInFile(inner);
  return { ...value, range, verbatim: text.slice(range.start, range.end) === value.value };
}

/** Graph's `@odata.type` of a transformation, as the method name the portal shows: `#microsoft.graph.toLowercaseTransformation` → `ToLowercase`. */
function transformationName(node: JsonNode): string {
  const type = stringOf(property(node, '@odata.type')) ?? '';
  const name = type.replace(/^#microsoft\.graph\./, '').replace(/Transformation$/, '');
  return name ? name[0]!.toUpperCase() + name.slice(1) : 'a transformation';
}

/**
 * The beta customClaimsPolicy (`GET /beta/servicePrincipals/{id}/claimsPolicy`): each claim's
 * `namespace`/`name` is the attribute, each of its configurations one value (a condition chooses
 * among them per user): a `valueBasedAttribute` constant or a `sourcedAttribute`, with transformations.
 */
export function customClaimsPolicyClaims(text: string, policy: JsonNode, path: string): (appRoles: AppRoleValues) => AttributeConfig[] {
  const claims = items(property(policy, 'claims')).flatMap((claim, index) => {
    const nameNode = property(claim, 'name');
    const name = stringOf(nameNode);
    if (!name || !nameNode) return [];
    const namespace = stringOf(property(claim, 'namespace'));
    const at = `${path}claims[${index}]`;
    const sources = items(property(claim, 'configurations')).map((configuration, i): ClaimSource => {
      const attribute = property(configuration, 'attribute');
      const constant = property(attribute, 'value');
      const configurationPath = `${at}.configurations[${i}]`;
      if (constant && !property(attribute, 'source')) return { kind: 'value', value: knownString(text, constant, `${configurationPath}.attribute.value`) };
      const source = `${stringOf(property(attribute, 'source')) ?? 'user'}.${stringOf(property(attribute, 'id')) ?? '?'}`.toLowerCase();
      const expression = items(property(configuration, 'transformations')).reduce((inner, t) => `${transformationName(t)}(${inner})`, source);
      return { kind: 'expression', expression, path: `${configurationPath}.attribute`, range: rangeOf(attribute ?? configuration) };
    });
    return [{ name: namespace ? `${namespace.replace(/\/$/, '')}/${name}` : name, nameNode, at, sources }];
  });
  return (appRoles) => claims.map(({ name, nameNode, at, sources }) => ({ name, path: `${at}.name`, range: rangeOf(nameNode), values: sources.flatMap((s) => claimValues(s, appRoles)) }));
}
