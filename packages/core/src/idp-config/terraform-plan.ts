// Terraform plan and state JSON (`terraform show -json [planfile]`) for `okta_app_saml` (the same
// fields as the Apps API in snake_case) and the azuread resources of an Entra app (azuread.ts): fully
// evaluated, except what the plan marks unknown until apply in `after_unknown` (facts
// idp-config-exports.md §1.1, §1.2, §1.4).
import type { JsonNode } from '../model/json.js';
import type { AttributeConfig, ConfigValue, NotCarried, SamlAppConfig } from '../model/idp-config.js';
import { items, parseJson, property, stringOf } from '../json/tree.js';
import { knownBoolean, knownString, oktaElValue, rangeOf } from './values.js';
import { attributePath, azureadApps, isAzureadType, type TerraformResource } from './azuread.js';

export type TerraformKind = 'plan' | 'state';

/** A plan has `resource_changes` (or `planned_values`), a state `values.root_module`; both a `format_version`. */
export function terraformKind(root: JsonNode | undefined): TerraformKind | undefined {
  if (typeof stringOf(property(root, 'format_version')) !== 'string') return undefined;
  if (property(root, 'resource_changes') || property(root, 'planned_values')) return 'plan';
  return property(property(root, 'values'), 'root_module') ? 'state' : undefined;
}

/** A resource's values: `after` and `after_unknown` in a plan, `values` in a state. */
interface ResourceValues {
  type: string;
  address: JsonNode;
  values: JsonNode | undefined;
  unknown: JsonNode | undefined;
  /** The path of `values` in the file, for the paths findings name. */
  at: string;
}

export function readTerraformApps(text: string, root: JsonNode, kind: TerraformKind): SamlAppConfig[] {
  const resources = kind === 'plan' ? planned(root) : stateResources(property(property(root, 'values'), 'root_module'), 'values.root_module');
  const source = kind === 'plan' ? 'terraform-plan' : 'terraform-state';
  const okta = resources.filter((resource) => resource.type === 'okta_app_saml').map((resource) => oktaAppSaml(text, resource, kind));
  return [...okta, ...azureadApps(text, resources.filter((resource) => isAzureadType(resource.type)).map(asTerraformResource), source)];
}

/** The resource types this file reads. */
const isRead = (type: string | undefined): type is string => type === 'okta_app_saml' || isAzureadType(type);

/** A resource for the readers that take values however they were read: `after_unknown` is what is pending. */
function asTerraformResource({ type, address, values, unknown, at }: ResourceValues): TerraformResource {
  return {
    type,
    address: stringOf(address) ?? type,
    range: rangeOf(address),
    values,
    at,
    pending: (path) => {
      const flagged = unknownAt(unknown, path);
      return flagged && { state: 'unknown', path: attributePath(at, path), range: rangeOf(flagged) };
    },
  };
}

function planned(root: JsonNode): ResourceValues[] {
  return items(property(root, 'resource_changes')).flatMap((change, index) => {
    const address = property(change, 'address');
    const type = stringOf(property(change, 'type'));
    const actions = items(property(property(change, 'change'), 'actions')).map(stringOf);
    // A resource the plan deletes configures nothing any more.
    if (!address || !isRead(type) || actions.every((a) => a === 'delete')) return [];
    const body = property(change, 'change');
    return [{ type, address, values: property(body, 'after'), unknown: property(body, 'after_unknown'), at: `resource_changes[${index}].change.after` }];
  });
}

function stateResources(module: JsonNode | undefined, at: string): ResourceValues[] {
  const own = items(property(module, 'resources')).flatMap((resource, index) => {
    const address = property(resource, 'address');
    const type = stringOf(property(resource, 'type'));
    if (!address || !isRead(type)) return [];
    return [{ type, address, values: property(resource, 'values'), unknown: undefined, at: `${at}.resources[${index}].values` }];
  });
  const children = items(property(module, 'child_modules')).flatMap((child, index) => stateResources(child, `${at}.child_modules[${index}]`));
  return [...own, ...children];
}

/** `after_unknown` at a path: `true` there (or above it) means known only after apply. */
function unknownAt(unknown: JsonNode | undefined, path: Array<string | number>): JsonNode | undefined {
  let node = unknown;
  for (const step of path) {
    if (node?.type === 'boolean') break;
    node = typeof step === 'number' ? items(node)[step] : property(node, step);
  }
  return node?.type === 'boolean' && node.value === true ? node : undefined;
}

const AWS_ATTRIBUTES = 'https://aws.amazon.com/SAML/Attributes/';

function oktaAppSaml(text: string, resource: ResourceValues, kind: TerraformKind): SamlAppConfig {
  const { values, unknown, at } = resource;
  const value = (name: string): ConfigValue => {
    const flagged = unknownAt(unknown, [name]);
    if (flagged) return { state: 'unknown', path: `${at}.${name}`, range: rangeOf(flagged) };
    return knownString(text, property(values, name), `${at}.${name}`);
  };
  const flag = (name: string): ConfigValue<boolean> => {
    const flagged = unknownAt(unknown, [name]);
    if (flagged) return { state: 'unknown', path: `${at}.${name}`, range: rangeOf(flagged) };
    return knownBoolean(property(values, name), `${at}.${name}`);
  };
  const notCarried: NotCarried[] = [];
  const attributes = attributeStatements(text, resource, notCarried);
  const settings = property(values, 'app_settings_json');
  const duration = settings && settingsDuration(text, settings, `${at}.app_settings_json`);
  if (duration) attributes.push(duration);
  return {
    source: kind === 'plan' ? 'terraform-plan' : 'terraform-state',
    label: stringOf(resource.address) ?? 'okta_app_saml',
    range: rangeOf(resource.address),
    acs: value('sso_url'),
    recipient: value('recipient'),
    destination: value('destination'),
    audience: value('audience'),
    relayState: value('default_relay_state'),
    attributes,
    signing: {
      responseSigned: flag('response_signed'),
      assertionSigned: flag('assertion_signed'),
      signatureAlgorithm: value('signature_algorithm'),
      digestAlgorithm: value('digest_algorithm'),
    },
    notCarried,
  };
}

/** `attribute_statements`, each value Okta Expression Language or unknown until apply. */
function attributeStatements(text: string, resource: ResourceValues, notCarried: NotCarried[]): AttributeConfig[] {
  const { values, unknown, at } = resource;
  if (unknownAt(unknown, ['attribute_statements'])) {
    notCarried.push({ what: 'the attribute statements', why: 'the plan knows them only after apply' });
    return [];
  }
  return items(property(values, 'attribute_statements')).flatMap((statement, i) => {
    const nameNode = property(statement, 'name');
    const name = stringOf(nameNode);
    if (!name || !nameNode) return [];
    const path = `${at}.attribute_statements[${i}]`;
    if (stringOf(property(statement, 'type')) === 'GROUP') {
      const filter = stringOf(property(statement, 'filter_value')) ?? 'the filter';
      return [{ name, path: `${path}.name`, range: rangeOf(nameNode), values: [{ state: 'expression', expression: `the user’s groups matching ${filter}`, path: `${path}.filter_value`, range: rangeOf(statement) }] }];
    }
    const whole = unknownAt(unknown, ['attribute_statements', i, 'values']);
    const listed = items(property(statement, 'values'));
    const attributeValues: ConfigValue[] = whole
      ? [{ state: 'unknown', path: `${path}.values`, range: rangeOf(whole) }]
      : listed.map((node, j) => {
          const flagged = unknownAt(unknown, ['attribute_statements', i, 'values', j]);
          return flagged ? { state: 'unknown', path: `${path}.values[${j}]`, range: rangeOf(flagged) } : oktaElValue(text, node, `${path}.values[${j}]`);
        });
    return [{ name, path: `${path}.name`, range: rangeOf(nameNode), values: attributeValues }];
  });
}

/**
 * The AWS Account Federation app's `sessionDuration`, from `app_settings_json` (JSON in a string,
 * parsed a second time); the value points at the whole string, which is not the value verbatim.
 */
function settingsDuration(text: string, settings: JsonNode, path: string): AttributeConfig | undefined {
  const json = stringOf(settings);
  if (!json) return undefined;
  const inner = parseJson(json, 'input');
  const duration = property(inner.root, 'sessionDuration');
  if (!duration || inner.problems.length) return undefined;
  const known = knownString(json, duration, `${path} sessionDuration`);
  const value: ConfigValue = known.state === 'known' ? { ...known, range: rangeOf(settings), verbatim: false } : known;
  return { name: `${AWS_ATTRIBUTES}SessionDuration`, path: `${path} sessionDuration`, range: rangeOf(settings), values: [value] };
}
