// Keycloak realm exports (`kc.sh export`, Partial export) and client exports: each SAML client with
// its attributes and protocol mappers, and the client role names a role-list mapper sends (facts
// idp-config-exports.md §3). What a client and its mappers mean is shared with the Terraform
// resources that write the same settings (`keycloakClientApp`, `keycloakMapperAttribute`).
import type { JsonNode } from '../model/json.js';
import type { InputRange } from '../model/capture.js';
import type { AttributeConfig, ConfigSource, ConfigValue, NotCarried, SamlAppConfig, SigningConfig, UserSource } from '../model/idp-config.js';
import { items, property, stringOf } from '../json/tree.js';
import { knownBoolean, knownString, rangeOf } from './values.js';

const isSamlClient = (node: JsonNode | undefined) => stringOf(property(node, 'protocol')) === 'saml' && typeof stringOf(property(node, 'clientId')) === 'string';

/** A realm export (`realm` and `clients`), or one client's export. */
export function keycloakKind(root: JsonNode | undefined): 'realm' | 'client' | undefined {
  if (typeof stringOf(property(root, 'realm')) === 'string' && property(root, 'clients')?.type === 'array') return 'realm';
  return isSamlClient(root) ? 'client' : undefined;
}

export function readKeycloakClients(text: string, root: JsonNode, kind: 'realm' | 'client'): SamlAppConfig[] {
  if (kind === 'client') return [samlClient(text, root, '', undefined)];
  const clientRoles = property(property(root, 'roles'), 'client');
  return items(property(root, 'clients')).flatMap((client, index) =>
    isSamlClient(client) ? [samlClient(text, client, `clients[${index}].`, property(clientRoles, stringOf(property(client, 'clientId')) ?? ''))] : [],
  );
}

/** What a Keycloak SAML client configures, however the file writes it (an export, a Terraform resource). */
export interface KeycloakClientSettings {
  source: ConfigSource;
  label: string;
  range: InputRange;
  /** The client id: the SP entity id, which Keycloak sends as the Audience. */
  clientId: ConfigValue;
  acs: ConfigValue;
  relayState: ConfigValue;
  signing: Omit<SigningConfig, 'digestAlgorithm'>;
  /** Where the digest algorithm would be: Keycloak derives it from the signature algorithm. */
  digestPath: string;
  attributes: AttributeConfig[];
  /** Why a signing setting the file leaves out is not known. */
  defaulted: string;
}

export function keycloakClientApp(settings: KeycloakClientSettings): SamlAppConfig {
  const { signing, defaulted } = settings;
  const notCarried: NotCarried[] = [];
  if (signing.responseSigned.state === 'absent') notCarried.push({ what: 'response signing', why: defaulted });
  if (signing.assertionSigned.state === 'absent') notCarried.push({ what: 'assertion signing', why: defaulted });
  if (signing.signatureAlgorithm.state === 'absent') notCarried.push({ what: 'the signature algorithm', why: defaulted });
  return {
    source: settings.source,
    label: settings.label,
    range: settings.range,
    acs: settings.acs,
    // Keycloak posts to the ACS and names it as Recipient and Destination.
    recipient: settings.acs,
    destination: settings.acs,
    audience: settings.clientId,
    relayState: settings.relayState,
    attributes: settings.attributes,
    signing: { ...signing, digestAlgorithm: { state: 'absent', path: settings.digestPath } },
    notCarried,
  };
}

/** Signing attributes an export leaves out take Keycloak's defaults, which differ by how the client was made (facts §3). */
const DEFAULTED = 'not in the export, so Keycloak’s default applies, which differs between admin console and API';

function samlClient(text: string, client: JsonNode, prefix: string, roles: JsonNode | undefined): SamlAppConfig {
  const clientIdNode = property(client, 'clientId');
  const attributes = property(client, 'attributes');
  const attribute = (name: string) => knownString(text, property(attributes, name), `${prefix}attributes["${name}"]`);
  const flag = (name: string) => knownBoolean(property(attributes, name), `${prefix}attributes["${name}"]`);
  // The client's roles, by name: AWS guides name each `role-arn,provider-arn`.
  const roleNames = roles && items(roles).flatMap((role) => {
    const roleName = property(role, 'name');
    return roleName ? [knownString(text, roleName, `roles.client.${stringOf(property(role, 'containerId')) ?? 'client'}[].name`)] : [];
  });
  return keycloakClientApp({
    source: 'keycloak',
    label: `Keycloak client “${stringOf(clientIdNode) ?? ''}”`,
    range: rangeOf(clientIdNode ?? client),
    clientId: knownString(text, clientIdNode, `${prefix}clientId`),
    acs: attribute('saml_assertion_consumer_url_post'),
    relayState: attribute('saml_idp_initiated_sso_relay_state'),
    signing: {
      responseSigned: flag('saml.server.signature'),
      assertionSigned: flag('saml.assertion.signature'),
      signatureAlgorithm: attribute('saml.signature.algorithm'),
    },
    digestPath: `${prefix}attributes`,
    attributes: items(property(client, 'protocolMappers')).flatMap((mapper, index) => {
      const fields = exportedMapper(text, mapper, `${prefix}protocolMappers[${index}]`);
      return fields ? [keycloakMapperAttribute(fields, roleNames)] : [];
    }),
    defaulted: DEFAULTED,
  });
}

/** A SAML protocol mapper, however the file writes it: its kind and the settings that say what it sends. */
export interface KeycloakMapper {
  /** The mapper id (`saml-user-property-mapper`, `saml-hardcode-attribute-mapper`…). */
  kind: string | undefined;
  name: string;
  namePath: string;
  nameRange: InputRange;
  /** The whole mapper, for one whose value cannot be told. */
  path: string;
  range: InputRange;
  /** A hardcoded mapper's `attribute.value`. */
  value: ConfigValue;
  /** The user property or attribute a user mapper reads (`user.attribute`), its text as the value, or a value not known. */
  source: ConfigValue;
}

function exportedMapper(text: string, mapper: JsonNode, path: string): KeycloakMapper | undefined {
  const config = property(mapper, 'config');
  const nameNode = property(config, 'attribute.name');
  const name = stringOf(nameNode);
  if (!name || !nameNode) return undefined;
  const configPath = (key: string) => `${path}.config["${key}"]`;
  const source = property(config, 'user.attribute');
  return {
    kind: stringOf(property(mapper, 'protocolMapper')),
    name,
    namePath: configPath('attribute.name'),
    nameRange: rangeOf(nameNode),
    path,
    range: rangeOf(mapper),
    value: knownString(text, property(config, 'attribute.value'), configPath('attribute.value')),
    source: source
      ? { state: 'known', value: stringOf(source) ?? '?', path: configPath('user.attribute'), range: rangeOf(source), verbatim: false }
      : { state: 'absent', path: configPath('user.attribute') },
  };
}

/**
 * User properties Keycloak stores lower-cased: `UserAdapter.setUsername` and `setEmail` call
 * `KeycloakModelUtils.toLowerCaseSafe` (facts §3 for the username; the e-mail in the same adapter, and
 * migration `MigrateTo1_4_0` lower-cases existing e-mails). User attributes keep their case.
 */
const STORED_LOWER_CASE = new Set(['username', 'email']);

/** A SAML protocol mapper as the attribute it sends: a constant, a user property or attribute, or the client's role names. */
export function keycloakMapperAttribute(mapper: KeycloakMapper, roles: ConfigValue[] | undefined): AttributeConfig {
  const { kind } = mapper;
  const expression = (expression: string, range: InputRange, path: string, reads?: UserSource): ConfigValue => ({ state: 'expression', expression, path, range, ...(reads && { reads }) });
  let values: ConfigValue[];
  if (kind === 'saml-hardcode-attribute-mapper') {
    values = [mapper.value];
  } else if (kind === 'saml-user-property-mapper' || kind === 'saml-user-attribute-mapper') {
    const { source } = mapper;
    const isProperty = kind === 'saml-user-property-mapper';
    const what = `user ${isProperty ? 'property' : 'attribute'}`;
    if (source.state === 'known') values = [expression(`${what} ${source.value}`, source.range, source.path, { idp: 'keycloak', attribute: source.value, lowerCased: isProperty && STORED_LOWER_CASE.has(source.value) })];
    else if (source.state === 'absent') values = [expression(`${what} ?`, mapper.range, source.path, { idp: 'keycloak', attribute: '?', lowerCased: false })];
    else values = [source];
  } else if (kind === 'saml-role-list-mapper' && roles) {
    values = roles;
  } else {
    values = [expression(`the ${kind ?? 'unnamed'} mapper`, mapper.range, mapper.path)];
  }
  return { name: mapper.name, path: mapper.namePath, range: mapper.nameRange, values };
}
