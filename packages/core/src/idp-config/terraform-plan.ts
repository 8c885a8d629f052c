// Terraform plan and state JSON (`terraform show -json [planfile]`): every resource with its values
// (fully evaluated, except what the plan marks unknown until apply in `after_unknown`), and the
// mapping of each SAML resource type onto an app: `okta_app_saml` (the same fields as the Apps API in
// snake_case), `keycloak_saml_client` with its mappers and the azuread resources of an Entra app
// (azuread.ts) (facts idp-config-exports.md §1.1–§1.4). Terraform source is read into the same
// resources (terraform-source.ts) and mapped here too.
import type { JsonNode } from '../model/json.js';
import type { AttributeConfig, ConfigSource, ConfigValue, NotCarried, SamlAppConfig } from '../model/idp-config.js';
import { items, parseJson, properties, property, stringOf } from '../json/tree.js';
import { knownString, oktaElValue, rangeOf } from './values.js';
import { notKnown, notKnownWhy, pathText, resourceFlag, resourceString, withoutIndex, type ResourceValues } from './terraform-resource.js';
import { keycloakClients } from './terraform-keycloak.js';
import { azureadApps, isAzureadType, type TerraformResource } from './azuread.js';

export type TerraformKind = 'plan' | 'state';

/** A plan has `resource_changes` (or `planned_values`), a state `values.root_module`; both a `format_version`. */
export function terraformKind(root: JsonNode | undefined): TerraformKind | undefined {
  if (typeof stringOf(property(root, 'format_version')) !== 'string') return undefined;
  if (property(root, 'resource_changes') || property(root, 'planned_values')) return 'plan';
  return property(property(root, 'values'), 'root_module') ? 'state' : undefined;
}

export function readTerraformApps(text: string, root: JsonNode, kind: TerraformKind): SamlAppConfig[] {
  const resources = kind === 'plan' ? planned(root) : stateResources(property(property(root, 'values'), 'root_module'), 'values.root_module');
  return terraformApps(text, resources, kind === 'plan' ? 'terraform-plan' : 'terraform-state');
}

/** The SAML apps among a configuration's resources, each type by its own mapping. */
export function terraformApps(text: string, resources: ResourceValues[], source: ConfigSource): SamlAppConfig[] {
  return [
    ...resources.filter((resource) => resource.type === 'okta_app_saml').map((resource) => oktaAppSaml(text, resource, source)),
    ...keycloakClients(text, resources, source),
    ...azureadApps(text, resources.filter((resource) => isAzureadType(resource.type)).map(asTerraformResource), source),
  ];
}

/** A resource as the azuread mapping reads it, whichever way its values were read: what is not known is pending. */
function asTerraformResource(resource: ResourceValues): TerraformResource {
  const { type, address, values, at } = resource;
  return { type, address: stringOf(address) ?? type, range: rangeOf(address), values, at, pending: (path) => notKnown(resource, path) };
}

const NO_REFERENCES: ReadonlyMap<string, readonly string[]> = new Map();

function planned(root: JsonNode): ResourceValues[] {
  const references = configurationReferences(property(property(root, 'configuration'), 'root_module'), '');
  return items(property(root, 'resource_changes')).flatMap((change, index) => {
    const address = property(change, 'address');
    const type = stringOf(property(change, 'type'));
    const actions = items(property(property(change, 'change'), 'actions')).map(stringOf);
    // A resource the plan deletes configures nothing any more.
    if (!address || !type || actions.every((a) => a === 'delete')) return [];
    const body = property(change, 'change');
    const own = references.get(withoutIndex(stringOf(address) ?? '')) ?? NO_REFERENCES;
    return [{ type, address, values: property(body, 'after'), unknown: property(body, 'after_unknown'), references: own, at: `resource_changes[${index}].change.after` }];
  });
}

/**
 * The references of each resource's arguments in the plan's `configuration` (`expressions.<arg>.references`),
 * by resource address, through module calls; references inside a module are made absolute.
 */
function configurationReferences(module: JsonNode | undefined, prefix: string): Map<string, Map<string, string[]>> {
  const found = new Map<string, Map<string, string[]>>();
  for (const resource of items(property(module, 'resources'))) {
    const address = stringOf(property(resource, 'address'));
    if (!address) continue;
    const byArgument = new Map<string, string[]>();
    for (const [key, expression] of properties(property(resource, 'expressions'))) {
      const refs = items(property(expression, 'references')).flatMap((ref) => {
        const name = stringOf(ref);
        return name ? [`${prefix}${name}`] : [];
      });
      if (typeof key.value === 'string' && refs.length) byArgument.set(key.value, refs);
    }
    found.set(`${prefix}${address}`, byArgument);
  }
  for (const [key, call] of properties(property(module, 'module_calls'))) {
    const inner = configurationReferences(property(call, 'module'), `${prefix}module.${String(key.value)}.`);
    for (const [address, refs] of inner) found.set(address, refs);
  }
  return found;
}

function stateResources(module: JsonNode | undefined, at: string): ResourceValues[] {
  const own = items(property(module, 'resources')).flatMap((resource, index) => {
    const address = property(resource, 'address');
    const type = stringOf(property(resource, 'type'));
    if (!address || !type) return [];
    return [{ type, address, values: property(resource, 'values'), unknown: undefined, references: NO_REFERENCES, at: `${at}.resources[${index}].values` }];
  });
  const children = items(property(module, 'child_modules')).flatMap((child, index) => stateResources(child, `${at}.child_modules[${index}]`));
  return [...own, ...children];
}

const AWS_ATTRIBUTES = 'https://aws.amazon.com/SAML/Attributes/';

function oktaAppSaml(text: string, resource: ResourceValues, source: ConfigSource): SamlAppConfig {
  const value = (name: string): ConfigValue => resourceString(text, resource, [name]);
  const flag = (name: string): ConfigValue<boolean> => resourceFlag(resource, [name]);
  const notCarried: NotCarried[] = [];
  const attributes = attributeStatements(text, resource, notCarried);
  const settings = property(resource.values, 'app_settings_json');
  const duration = settings && settingsDuration(text, settings, pathText(resource, ['app_settings_json']));
  if (duration) attributes.push(duration);
  return {
    source,
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

/** `attribute_statements`, each value Okta Expression Language, or not known. */
function attributeStatements(text: string, resource: ResourceValues, notCarried: NotCarried[]): AttributeConfig[] {
  const all = notKnown(resource, ['attribute_statements']);
  if (all) {
    notCarried.push({ what: 'the attribute statements', why: notKnownWhy(all) });
    return [];
  }
  return items(property(resource.values, 'attribute_statements')).flatMap((statement, i) => {
    const nameNode = property(statement, 'name');
    const name = stringOf(nameNode);
    if (!name || !nameNode) return [];
    const path = pathText(resource, ['attribute_statements', i]);
    if (stringOf(property(statement, 'type')) === 'GROUP') {
      const filter = stringOf(property(statement, 'filter_value')) ?? 'the filter';
      return [{ name, path: `${path}.name`, range: rangeOf(nameNode), values: [{ state: 'expression', expression: `the user’s groups matching ${filter}`, path: `${path}.filter_value`, range: rangeOf(statement) }] }];
    }
    const whole = notKnown(resource, ['attribute_statements', i, 'values']);
    const attributeValues: ConfigValue[] = whole
      ? [whole]
      : items(property(statement, 'values')).map((node, j) => notKnown(resource, ['attribute_statements', i, 'values', j]) ?? oktaElValue(text, node, `${path}.values[${j}]`));
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
