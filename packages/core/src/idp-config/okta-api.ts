// Okta Apps API JSON (`GET /api/v1/apps/{id}`, or the list `GET /api/v1/apps`): custom SAML 2.0 apps
// and the AWS Account Federation app (`amazon_aws`). Shapes and paths: facts idp-config-exports.md §2.
import type { JsonNode } from '../model/json.js';
import type { AttributeConfig, ConfigValue, NotCarried, SamlAppConfig } from '../model/idp-config.js';
import { items, property, stringOf } from '../json/tree.js';
import { knownBoolean, knownString, oktaElValue, oktaUserSource, rangeOf } from './values.js';

/** An object the Apps API returns for an app: a sign-on mode and settings. */
export function isOktaApp(node: JsonNode | undefined): boolean {
  return typeof stringOf(property(node, 'signOnMode')) === 'string' && property(node, 'settings')?.type === 'object';
}

/** The root is an app, or a list of apps (an empty list is no Okta file). */
export function isOktaAppsJson(root: JsonNode | undefined): boolean {
  if (root?.type === 'array') return (root.children ?? []).length > 0 && (root.children ?? []).every(isOktaApp);
  return isOktaApp(root);
}

/** The SAML apps of an Apps API answer; apps of other sign-on modes are none of ours. */
export function readOktaApps(text: string, root: JsonNode): SamlAppConfig[] {
  const apps = root.type === 'array' ? (root.children ?? []) : [root];
  return apps.flatMap((app, index) => {
    const prefix = root.type === 'array' ? `[${index}].` : '';
    if (stringOf(property(app, 'name')) === 'amazon_aws') return [awsFederationApp(text, app, prefix)];
    return stringOf(property(app, 'signOnMode')) === 'SAML_2_0' ? [customSamlApp(text, app, prefix)] : [];
  });
}

function labelOf(app: JsonNode): { label: string; range: SamlAppConfig['range'] } {
  const labelNode = property(app, 'label') ?? property(app, 'id') ?? app;
  const label = stringOf(property(app, 'label')) ?? stringOf(property(app, 'id')) ?? 'app';
  return { label: `Okta app “${label}”`, range: rangeOf(labelNode) };
}

function customSamlApp(text: string, app: JsonNode, prefix: string): SamlAppConfig {
  const signOn = property(property(app, 'settings'), 'signOn');
  const at = (name: string) => `${prefix}settings.signOn.${name}`;
  const field = (name: string) => knownString(text, property(signOn, name), at(name));
  return {
    source: 'okta-api',
    ...labelOf(app),
    acs: field('ssoAcsUrl'),
    recipient: field('recipient'),
    destination: field('destination'),
    audience: field('audience'),
    relayState: field('defaultRelayState'),
    attributes: oktaAttributeStatements(text, property(signOn, 'attributeStatements'), at('attributeStatements')),
    signing: {
      responseSigned: knownBoolean(property(signOn, 'responseSigned'), at('responseSigned')),
      assertionSigned: knownBoolean(property(signOn, 'assertionSigned'), at('assertionSigned')),
      signatureAlgorithm: field('signatureAlgorithm'),
      digestAlgorithm: field('digestAlgorithm'),
    },
    notCarried: [],
  };
}

/**
 * Okta attribute statements, in the Apps API (`type`, `name`, `values`) or Terraform
 * (`attribute_statements`, same keys) spelling: EXPRESSION values are Okta Expression Language,
 * a GROUP statement sends the names of the user's groups that match its filter.
 */
export function oktaAttributeStatements(text: string, statements: JsonNode | undefined, path: string): AttributeConfig[] {
  return items(statements).flatMap((statement, index) => {
    const nameNode = property(statement, 'name');
    const name = stringOf(nameNode);
    if (!name || !nameNode) return [];
    const at = `${path}[${index}]`;
    const valuesNode = property(statement, 'values');
    const values: ConfigValue[] =
      stringOf(property(statement, 'type')) === 'GROUP'
        ? [{ state: 'expression', expression: `the user’s groups matching ${stringOf(property(statement, 'filter_value') ?? property(statement, 'filterValue')) ?? 'the filter'}`, path: `${at}.filterValue`, range: rangeOf(statement) }]
        : items(valuesNode).map((value, i) => oktaElValue(text, value, `${at}.values[${i}]`));
    return [{ name, path: `${at}.name`, range: rangeOf(nameNode), values }];
  });
}

const AWS_ATTRIBUTES = 'https://aws.amazon.com/SAML/Attributes/';

/** What the AWS Account Federation app's object does not say (facts §2.2). */
const AWS_FEDERATION_NOT_CARRIED: NotCarried[] = [
  { what: 'the signing algorithm', why: 'Okta does not expose it for this OIN app' },
  { what: 'the Audience', why: 'the OIN app fixes it, outside the app object' },
];

/** The OIN AWS Account Federation app: its settings.app fields stand for attribute statements. */
function awsFederationApp(text: string, app: JsonNode, prefix: string): SamlAppConfig {
  const settings = property(app, 'settings');
  const appSettings = property(settings, 'app');
  const signOn = property(settings, 'signOn');
  const appAt = (name: string) => `${prefix}settings.app.${name}`;
  const signOnAt = (name: string) => `${prefix}settings.signOn.${name}`;
  const override = (name: string) => knownString(text, property(signOn, name), signOnAt(name));
  const acsOverride = knownString(text, property(appSettings, 'overrideAcsURL'), appAt('overrideAcsURL'));
  const attributes: AttributeConfig[] = [];
  const duration = property(appSettings, 'sessionDuration');
  if (duration) {
    attributes.push({ name: `${AWS_ATTRIBUTES}SessionDuration`, path: appAt('sessionDuration'), range: rangeOf(duration), values: [knownString(text, duration, appAt('sessionDuration'))] });
  }
  // The app username is what the app sends as RoleSessionName (facts §2.2, inferred there).
  const userName = property(property(property(app, 'credentials'), 'userNameTemplate'), 'template');
  if (userName) {
    const path = `${prefix}credentials.userNameTemplate.template`;
    attributes.push({ name: `${AWS_ATTRIBUTES}RoleSessionName`, path, range: rangeOf(userName), values: [templateValue(text, userName, path)] });
  }
  const notCarried = [...AWS_FEDERATION_NOT_CARRIED];
  const pattern = property(appSettings, 'roleValuePattern');
  // Only with group mapping does the app build the Role values, from this pattern and the group's name.
  if (pattern && property(appSettings, 'useGroupMapping')?.value === true) {
    const path = appAt('roleValuePattern');
    attributes.push({ name: `${AWS_ATTRIBUTES}Role`, path, range: rangeOf(pattern), values: [templateValue(text, pattern, path)] });
  } else {
    notCarried.push({ what: 'the Role values', why: 'they are set per assignment (the app user’s or group’s `samlRoles`), not in the app object' });
  }
  const acs = acsOverride.state === 'absent' ? override('ssoAcsUrlOverride') : acsOverride;
  if (acs.state === 'absent') notCarried.push({ what: 'the ACS URL', why: 'the app derives it from `awsEnvironmentType`' });
  return {
    source: 'okta-api',
    ...labelOf(app),
    acs,
    recipient: override('recipientOverride'),
    destination: override('destinationOverride'),
    audience: override('audienceOverride'),
    relayState: override('defaultRelayState'),
    attributes,
    signing: {
      responseSigned: { state: 'absent', path: signOnAt('responseSigned') },
      assertionSigned: { state: 'absent', path: signOnAt('assertionSigned') },
      signatureAlgorithm: { state: 'absent', path: signOnAt('signatureAlgorithm') },
      digestAlgorithm: { state: 'absent', path: signOnAt('digestAlgorithm') },
    },
    notCarried,
  };
}

/** An Okta `${…}` template (user name template, role value pattern): a literal only when it has no `${`. */
function templateValue(text: string, node: JsonNode, path: string): ConfigValue {
  const value = knownString(text, node, path);
  if (value.state === 'known' && value.value.includes('${')) return { state: 'expression', expression: value.value, path, range: value.range, ...oktaUserSource(value.value) };
  return value;
}
