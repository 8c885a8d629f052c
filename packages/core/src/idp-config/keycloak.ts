// Keycloak realm exports (`kc.sh export`, Partial export) and client exports: each SAML client with
// its attributes and protocol mappers, and the client role names a role-list mapper sends (facts
// idp-config-exports.md §3).
import type { JsonNode } from '../model/json.js';
import type { AttributeConfig, ConfigValue, NotCarried, SamlAppConfig, UserSource } from '../model/idp-config.js';
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

/** Signing attributes an export leaves out take Keycloak's defaults, which differ by how the client was made (facts §3). */
const DEFAULTED = 'not in the export, so Keycloak’s default applies, which differs between admin console and API';

function samlClient(text: string, client: JsonNode, prefix: string, roles: JsonNode | undefined): SamlAppConfig {
  const clientIdNode = property(client, 'clientId');
  const attributes = property(client, 'attributes');
  const attribute = (name: string) => knownString(text, property(attributes, name), `${prefix}attributes["${name}"]`);
  const flag = (name: string) => knownBoolean(property(attributes, name), `${prefix}attributes["${name}"]`);
  const acs = attribute('saml_assertion_consumer_url_post');
  const signing = {
    responseSigned: flag('saml.server.signature'),
    assertionSigned: flag('saml.assertion.signature'),
    signatureAlgorithm: attribute('saml.signature.algorithm'),
    digestAlgorithm: { state: 'absent', path: `${prefix}attributes` } as ConfigValue,
  };
  const notCarried: NotCarried[] = [];
  if (signing.responseSigned.state === 'absent') notCarried.push({ what: 'response signing', why: DEFAULTED });
  if (signing.assertionSigned.state === 'absent') notCarried.push({ what: 'assertion signing', why: DEFAULTED });
  if (signing.signatureAlgorithm.state === 'absent') notCarried.push({ what: 'the signature algorithm', why: DEFAULTED });
  return {
    source: 'keycloak',
    label: `Keycloak client “${stringOf(clientIdNode) ?? ''}”`,
    range: rangeOf(clientIdNode ?? client),
    acs,
    // Keycloak posts to the ACS and names it as Recipient and Destination.
    recipient: acs,
    destination: acs,
    // The client id is the SP entity id, which Keycloak sends as the Audience.
    audience: knownString(text, clientIdNode, `${prefix}clientId`),
    relayState: attribute('saml_idp_initiated_sso_relay_state'),
    attributes: items(property(client, 'protocolMappers')).flatMap((mapper, index) => mapperAttribute(text, mapper, `${prefix}protocolMappers[${index}]`, roles)),
    signing,
    notCarried,
  };
}

/**
 * User properties Keycloak stores lower-cased: `UserAdapter.setUsername` and `setEmail` call
 * `KeycloakModelUtils.toLowerCaseSafe` (facts §3 for the username; the e-mail in the same adapter, and
 * migration `MigrateTo1_4_0` lower-cases existing e-mails). User attributes keep their case.
 */
const STORED_LOWER_CASE = new Set(['username', 'email']);

/** A SAML protocol mapper as the attribute it sends: a constant, a user property or attribute, or the client's role names. */
function mapperAttribute(text: string, mapper: JsonNode, path: string, roles: JsonNode | undefined): AttributeConfig[] {
  const config = property(mapper, 'config');
  const nameNode = property(config, 'attribute.name');
  const name = stringOf(nameNode);
  if (!name || !nameNode) return [];
  const kind = stringOf(property(mapper, 'protocolMapper'));
  const configPath = (key: string) => `${path}.config["${key}"]`;
  const expression = (expression: string, node: JsonNode, at: string, reads?: UserSource): ConfigValue => ({ state: 'expression', expression, path: at, range: rangeOf(node), ...(reads && { reads }) });
  let values: ConfigValue[];
  if (kind === 'saml-hardcode-attribute-mapper') {
    values = [knownString(text, property(config, 'attribute.value'), configPath('attribute.value'))];
  } else if (kind === 'saml-user-property-mapper' || kind === 'saml-user-attribute-mapper') {
    const source = property(config, 'user.attribute');
    const attribute = stringOf(source) ?? '?';
    const isProperty = kind === 'saml-user-property-mapper';
    values = [expression(`user ${isProperty ? 'property' : 'attribute'} ${attribute}`, source ?? mapper, configPath('user.attribute'), { attribute, lowerCased: isProperty && STORED_LOWER_CASE.has(attribute) })];
  } else if (kind === 'saml-role-list-mapper' && roles) {
    // The client's roles, by name: AWS guides name each `role-arn,provider-arn`.
    values = items(roles).flatMap((role) => {
      const roleName = property(role, 'name');
      return roleName ? [knownString(text, roleName, `roles.client.${stringOf(property(role, 'containerId')) ?? 'client'}[].name`)] : [];
    });
  } else {
    values = [expression(`the ${kind ?? 'unnamed'} mapper`, mapper, path)];
  }
  return [{ name, path: configPath('attribute.name'), range: rangeOf(nameNode), values }];
}
