// `keycloak_saml_client` in Terraform (plan, state or source) with the resources that give it its
// attributes: the SAML protocol-mapper resources and the client roles a role-list mapper sends
// (facts idp-config-exports.md §1.3). They mean what the same settings mean in a Keycloak export,
// so they are mapped onto it (keycloak.ts) rather than read a second way.
import type { ConfigSource, ConfigValue, SamlAppConfig } from '../model/idp-config.js';
import { stringOf } from '../json/tree.js';
import { rangeOf } from './values.js';
import { keycloakClientApp, keycloakMapperAttribute, type KeycloakMapper } from './keycloak.js';
import { pathText, resourceFlag, resourceString, withoutIndex, type PathStep, type ResourceValues } from './terraform-resource.js';

/** How each mapper resource type writes a Keycloak mapper: its kind, and where its name, value and source are. */
const MAPPER_RESOURCES: Record<string, { kind?: string; name: PathStep[]; value?: PathStep[]; source?: PathStep[] }> = {
  keycloak_saml_user_attribute_protocol_mapper: { kind: 'saml-user-attribute-mapper', name: ['saml_attribute_name'], source: ['user_attribute'] },
  keycloak_saml_user_property_protocol_mapper: { kind: 'saml-user-property-mapper', name: ['saml_attribute_name'], source: ['user_property'] },
  // Any mapper by its id (`protocol_mapper`) and its config as Keycloak stores it: hardcoded values, role lists.
  keycloak_generic_protocol_mapper: { name: ['config', 'attribute.name'], value: ['config', 'attribute.value'], source: ['config', 'user.attribute'] },
  keycloak_generic_client_protocol_mapper: { name: ['config', 'attribute.name'], value: ['config', 'attribute.value'], source: ['config', 'user.attribute'] },
};

const DEFAULTED: Partial<Record<ConfigSource, string>> = {
  'terraform-source': 'not set in the source, so the provider’s default applies',
  'terraform-plan': 'not in the plan, so the provider’s default applies',
  'terraform-state': 'not in the state, so the provider’s default applies',
};

export function keycloakClients(text: string, resources: ResourceValues[], source: ConfigSource): SamlAppConfig[] {
  return resources
    .filter((resource) => resource.type === 'keycloak_saml_client')
    .map((client) => {
      const belongs = (resource: ResourceValues) => linkedTo(text, resource, client);
      const roles = resources.filter((r) => r.type === 'keycloak_role' && belongs(r)).map((role) => resourceString(text, role, ['name']));
      const attributes = resources.flatMap((resource) => {
        const mapper = resource.type in MAPPER_RESOURCES && belongs(resource) ? mapperOf(text, resource) : undefined;
        // Without a client role in the configuration, what a role-list mapper sends is not known here.
        return mapper ? [keycloakMapperAttribute(mapper, roles.length ? roles : undefined)] : [];
      });
      return keycloakClientApp({
        source,
        label: stringOf(client.address) ?? 'keycloak_saml_client',
        range: rangeOf(client.address),
        clientId: resourceString(text, client, ['client_id']),
        acs: resourceString(text, client, ['assertion_consumer_post_url']),
        relayState: resourceString(text, client, ['idp_initiated_sso_relay_state']),
        signing: {
          responseSigned: resourceFlag(client, ['sign_documents']),
          assertionSigned: resourceFlag(client, ['sign_assertions']),
          signatureAlgorithm: resourceString(text, client, ['signature_algorithm']),
        },
        digestPath: pathText(client, ['signature_algorithm']),
        attributes,
        defaulted: DEFAULTED[source] ?? 'not in the file, so the provider’s default applies',
      });
    });
}

/**
 * A mapper or role belongs to the client its `client_id` refers to (`keycloak_saml_client.aws.id`,
 * in the plan's configuration or the source), or, without a reference, whose `id` it equals (a state).
 */
function linkedTo(text: string, resource: ResourceValues, client: ResourceValues): boolean {
  const references = resource.references.get('client_id');
  if (references?.length) {
    const address = withoutIndex(stringOf(client.address) ?? '');
    return references.some((ref) => ref === address || ref.startsWith(`${address}.`));
  }
  const [id, clientId] = [resourceString(text, client, ['id']), resourceString(text, resource, ['client_id'])];
  return id.state === 'known' && clientId.state === 'known' && id.value === clientId.value;
}

function mapperOf(text: string, resource: ResourceValues): KeycloakMapper | undefined {
  const fields = MAPPER_RESOURCES[resource.type];
  if (!fields) return undefined;
  if (!fields.kind && known(resourceString(text, resource, ['protocol'])) !== 'saml') return undefined;
  const name = resourceString(text, resource, fields.name);
  if (name.state !== 'known') return undefined;
  const absent = (path: PathStep[]): ConfigValue => ({ state: 'absent', path: pathText(resource, path) });
  return {
    kind: fields.kind ?? known(resourceString(text, resource, ['protocol_mapper'])),
    name: name.value,
    namePath: name.path,
    nameRange: name.range,
    path: stringOf(resource.address) ?? resource.at,
    range: rangeOf(resource.address),
    value: fields.value ? resourceString(text, resource, fields.value) : absent(['value']),
    source: fields.source ? resourceString(text, resource, fields.source) : absent(['source']),
  };
}

const known = (value: ConfigValue) => (value.state === 'known' ? value.value : undefined);
