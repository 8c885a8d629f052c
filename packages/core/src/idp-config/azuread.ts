// The azuread provider's resources as an Entra SAML app (facts idp-config-exports.md §1.4):
// `azuread_application` (identifier_uris, web.redirect_uris, app_role), `azuread_service_principal`
// (saml_single_sign_on.relay_state) and `azuread_claims_mapping_policy` (definition, JSON strings).
// Read from a resource's attribute values however they were obtained: plan or state JSON here, and
// Terraform source converted into the same values shape.
import type { InputRange } from '../model/capture.js';
import type { JsonNode } from '../model/json.js';
import type { ConfigSource, ConfigValue, SamlAppConfig } from '../model/idp-config.js';
import { items, property, stringOf } from '../json/tree.js';
import { claimsMappingPolicyClaims } from './entra-claims.js';
import { entraSamlApp, groupEntraObjects, signOnModeValue, type EntraPlaces } from './entra.js';
import { knownString } from './values.js';

export const AZUREAD_TYPES = ['azuread_application', 'azuread_service_principal', 'azuread_claims_mapping_policy'] as const;
export type AzureadType = (typeof AZUREAD_TYPES)[number];

export const isAzureadType = (type: string | undefined): type is AzureadType => (AZUREAD_TYPES as readonly string[]).includes(type ?? '');

/** A Terraform resource as its attribute values, whatever file they come from. */
export interface TerraformResource {
  type: string;
  /** `azuread_application.connect`, and where the file names it. */
  address: string;
  range: InputRange;
  /** The attribute values: block lists are arrays (`web[0].redirect_uris`), as in `terraform show -json`. */
  values: JsonNode | undefined;
  /** The path of `values` in the file, for the paths findings name. */
  at: string;
  /**
   * The state of a value the file does not hold as a literal: unknown until apply in a plan, an
   * unresolved reference in source; undefined when the value at `path` is written out.
   */
  pending(path: Array<string | number>): ConfigValue | undefined;
}

const AZUREAD_PLACES: EntraPlaces = {
  application: 'an `azuread_application` (`web.redirect_uris`, `identifier_uris`)',
  servicePrincipal: 'an `azuread_service_principal` (`saml_single_sign_on.relay_state`)',
  claims: 'an `azuread_claims_mapping_policy` (the admin center’s claims have no azuread resource)',
};

function nodeAt(values: JsonNode | undefined, path: Array<string | number>): JsonNode | undefined {
  return path.reduce<JsonNode | undefined>((node, step) => (typeof step === 'number' ? items(node)[step] : property(node, step)), values);
}

/** `at` and an attribute path as findings name it: `…after.web[0].redirect_uris[1]`. */
export const attributePath = (at: string, path: Array<string | number>) => at + path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');

/** One attribute's value: pending, or the literal written there. */
function attribute(text: string, resource: TerraformResource, path: Array<string | number>): ConfigValue {
  return resource.pending(path) ?? knownString(text, nodeAt(resource.values, path), attributePath(resource.at, path));
}

/** A list attribute's values; one pending value when the whole list is. */
function listAttribute(text: string, resource: TerraformResource, path: Array<string | number>): ConfigValue[] {
  const whole = resource.pending(path);
  if (whole) return [whole];
  return items(nodeAt(resource.values, path)).map((_, index) => attribute(text, resource, [...path, index]));
}

/** Provider 3.x names the application's id `client_id`, 2.x `application_id`. */
function clientId(resource: TerraformResource): string | undefined {
  return stringOf(property(resource.values, 'client_id')) ?? stringOf(property(resource.values, 'application_id'));
}

const resourceName = (resource: TerraformResource) => resource.address.slice(resource.address.lastIndexOf('.') + 1);

/**
 * The service principal of an application: the one with its client id when both are known; in a
 * plan both are usually known only after apply, so then the one of the same resource name, or the
 * only one of each.
 */
function sameApp(applications: TerraformResource[], servicePrincipals: TerraformResource[]) {
  return (application: TerraformResource, servicePrincipal: TerraformResource) => {
    const [appId, spAppId] = [clientId(application), clientId(servicePrincipal)];
    if (appId && spAppId) return appId === spAppId;
    return resourceName(application) === resourceName(servicePrincipal) || (applications.length === 1 && servicePrincipals.length === 1);
  };
}

/** The SAML apps azuread resources configure, one per application with its service principal and claims mapping policy. */
export function azureadApps(text: string, resources: TerraformResource[], source: ConfigSource): SamlAppConfig[] {
  const ofType = (type: AzureadType) => resources.filter((r) => r.type === type);
  const [applications, servicePrincipals] = [ofType('azuread_application'), ofType('azuread_service_principal')];
  const groups = groupEntraObjects(applications, servicePrincipals, ofType('azuread_claims_mapping_policy'), sameApp(applications, servicePrincipals));
  return groups.map(({ application, servicePrincipal, policies }) => {
    const parts = [application, servicePrincipal, ...policies].filter((r): r is TerraformResource => r !== undefined);
    const [named, ...others] = parts;
    const policy = policies[0];
    return entraSamlApp({
      source,
      label: `${named!.address}${others.length ? ` with ${others.map((r) => r.address).join(', ')}` : ''}`,
      range: named!.range,
      places: AZUREAD_PLACES,
      replyUrls: application && listAttribute(text, application, ['web', 0, 'redirect_uris']),
      identifierUris: application && listAttribute(text, application, ['identifier_uris']),
      appRoles: application && appRoles(text, application),
      relayState: servicePrincipal && attribute(text, servicePrincipal, ['saml_single_sign_on', 0, 'relay_state']),
      signOnMode: servicePrincipal && signOnMode(text, servicePrincipal),
      claims: policy && policyClaims(text, policy),
    });
  });
}

function signOnMode(text: string, servicePrincipal: TerraformResource): ConfigValue {
  const path = ['preferred_single_sign_on_mode'];
  return servicePrincipal.pending(path) ?? signOnModeValue(text, nodeAt(servicePrincipal.values, path), attributePath(servicePrincipal.at, path));
}

/** The enabled `app_role` blocks' values. */
function appRoles(text: string, application: TerraformResource): ConfigValue[] {
  const whole = application.pending(['app_role']);
  if (whole) return [whole];
  return items(property(application.values, 'app_role')).flatMap((role, index) => {
    if (property(role, 'enabled')?.value === false) return [];
    const value = attribute(text, application, ['app_role', index, 'value']);
    return value.state === 'absent' ? [] : [value];
  });
}

/** `definition` is a list of JSON strings; Entra reads the first. One not known yet leaves the claims not checked. */
function policyClaims(text: string, policy: TerraformResource) {
  const pending = policy.pending(['definition']) ?? policy.pending(['definition', 0]);
  if (pending) return { pending };
  return claimsMappingPolicyClaims(text, nodeAt(policy.values, ['definition', 0]), attributePath(policy.at, ['definition', 0]));
}
