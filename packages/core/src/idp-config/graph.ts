// Microsoft Graph JSON for Entra ID: application, servicePrincipal, claimsMappingPolicy and the beta
// customClaimsPolicy, one per file, several in an array, or a collection (`{ "value": [...] }`), as
// Graph Explorer, `az rest` and the portal's Manifest page give them (facts idp-config-exports.md §4).
import type { JsonNode } from '../model/json.js';
import type { ConfigValue, SamlAppConfig } from '../model/idp-config.js';
import { items, property, stringOf } from '../json/tree.js';
import { claimsMappingPolicyClaims, customClaimsPolicyClaims, isClaimsMappingDefinition, type AppRoleValues } from './entra-claims.js';
import { entraSamlApp, groupEntraObjects, signOnModeValue, type EntraPlaces } from './entra.js';
import { knownString, rangeOf } from './values.js';

type GraphKind = 'application' | 'servicePrincipal' | 'claimsMappingPolicy' | 'customClaimsPolicy';

interface GraphObject {
  kind: GraphKind;
  node: JsonNode;
  /** The object's path in the file, ending in `.` when not empty. */
  prefix: string;
}

const ODATA_KINDS: Record<string, GraphKind> = {
  '#microsoft.graph.application': 'application',
  '#microsoft.graph.servicePrincipal': 'servicePrincipal',
  '#microsoft.graph.claimsMappingPolicy': 'claimsMappingPolicy',
  '#microsoft.graph.customClaimsPolicy': 'customClaimsPolicy',
};

const has = (node: JsonNode | undefined, name: string) => property(node, name) !== undefined;

/** Which Graph object this is, from `@odata.type` or the properties only that kind has. */
function graphKind(node: JsonNode): GraphKind | undefined {
  if (node.type !== 'object') return undefined;
  const typed = ODATA_KINDS[stringOf(property(node, '@odata.type')) ?? ''];
  if (typed) return typed;
  const appId = typeof stringOf(property(node, 'appId')) === 'string';
  if (appId && (has(node, 'servicePrincipalType') || has(node, 'samlSingleSignOnSettings') || has(node, 'servicePrincipalNames'))) return 'servicePrincipal';
  if (appId && (has(node, 'web') || has(node, 'identifierUris'))) return 'application';
  if (isClaimsMappingDefinition(items(property(node, 'definition'))[0])) return 'claimsMappingPolicy';
  const claims = property(node, 'claims');
  if (claims?.type === 'array' && items(claims).every((claim) => has(claim, 'configurations'))) return 'customClaimsPolicy';
  return undefined;
}

/** A collection's `value` (`GET /applications`, `…/claimsMappingPolicies`), or undefined when `node` is no collection. */
function collectionItems(node: JsonNode): JsonNode | undefined {
  const value = property(node, 'value');
  return value?.type === 'array' && !graphKind(node) ? value : undefined;
}

/**
 * The Graph objects of a file: one object, a collection, or an array of objects and collections
 * (several Graph answers put together, `jq -s`); undefined if any of them is not a Graph object.
 */
export function graphObjects(root: JsonNode | undefined): GraphObject[] | undefined {
  if (!root) return undefined;
  const unpack = (node: JsonNode, prefix: string): Array<{ node: JsonNode; prefix: string }> => {
    const collection = collectionItems(node);
    return collection ? items(collection).map((item, index) => ({ node: item, prefix: `${prefix}value[${index}].` })) : [{ node, prefix }];
  };
  const listed = root.type === 'array' ? items(root).flatMap((node, index) => unpack(node, `[${index}].`)) : unpack(root, '');
  const objects = listed.map(({ node, prefix }) => ({ node, prefix, kind: graphKind(node) }));
  if (!objects.length || objects.some((o) => !o.kind)) return undefined;
  return objects as GraphObject[];
}

const GRAPH_PLACES: EntraPlaces = {
  application: 'the application object (`web.redirectUris`, `identifierUris`)',
  servicePrincipal: 'the service principal (`samlSingleSignOnSettings.relayState`)',
  claims: 'the service principal’s claims mapping policy or claims policy (`GET /beta/servicePrincipals/{id}/claimsPolicy`)',
};

const KIND_NAMES: Record<GraphKind, string> = {
  application: 'application',
  servicePrincipal: 'service principal',
  claimsMappingPolicy: 'claims mapping policy',
  customClaimsPolicy: 'claims policy',
};

export function readGraphApps(text: string, objects: GraphObject[]): SamlAppConfig[] {
  const ofKind = (kind: GraphKind) => objects.filter((o) => o.kind === kind);
  const policies = objects.filter((o) => o.kind === 'claimsMappingPolicy' || o.kind === 'customClaimsPolicy');
  const appIdOf = (o: GraphObject) => stringOf(property(o.node, 'appId'));
  const groups = groupEntraObjects(ofKind('application'), ofKind('servicePrincipal'), policies, (a, s) => appIdOf(a) !== undefined && appIdOf(a) === appIdOf(s));
  return groups.map(({ application, servicePrincipal, policies: loose }) => {
    const named = application ?? servicePrincipal ?? loose[0]!;
    const list = (o: GraphObject, path: string[]): ConfigValue[] => {
      const node = path.reduce<JsonNode | undefined>((n, step) => property(n, step), o.node);
      return items(node).map((item, i) => knownString(text, item, `${o.prefix}${path.join('.')}[${i}]`));
    };
    const urls = application ? list(application, ['web', 'redirectUris']) : servicePrincipal && list(servicePrincipal, ['replyUrls']);
    // A service principal's names hold its appId beside the identifiers.
    const identifiers = application
      ? list(application, ['identifierUris'])
      : servicePrincipal && list(servicePrincipal, ['servicePrincipalNames']).filter((name) => name.state !== 'known' || name.value !== appIdOf(servicePrincipal));
    const nested = items(property(servicePrincipal?.node, 'claimsMappingPolicies')).map((node, i): GraphObject => ({ kind: 'claimsMappingPolicy', node, prefix: `${servicePrincipal?.prefix}claimsMappingPolicies[${i}].` }));
    const claimPolicies = [...nested, ...loose];
    // A claims mapping policy supersedes the claims policy the admin center edits (facts §4).
    const policy = claimPolicies.find((o) => o.kind === 'claimsMappingPolicy') ?? claimPolicies[0];
    const displayName = stringOf(property(named.node, 'displayName'));
    const appId = appIdOf(named);
    const nameNode = property(named.node, 'displayName') ?? property(named.node, 'appId') ?? named.node;
    return entraSamlApp({
      source: 'microsoft-graph',
      label: `${KIND_NAMES[named.kind]}${displayName ? ` “${displayName}”` : ''}${appId ? ` (appId ${appId})` : ''}`,
      range: rangeOf(nameNode),
      places: GRAPH_PLACES,
      replyUrls: urls && (urls.length || application) ? urls : undefined,
      identifierUris: identifiers,
      appRoles: appRoles(text, application ?? servicePrincipal),
      relayState: servicePrincipal && knownString(text, property(property(servicePrincipal.node, 'samlSingleSignOnSettings'), 'relayState'), `${servicePrincipal.prefix}samlSingleSignOnSettings.relayState`),
      // A service principal read with $select may leave the mode out: absent, not set to nothing.
      signOnMode: servicePrincipal && signOnModeValue(text, property(servicePrincipal.node, 'preferredSingleSignOnMode'), `${servicePrincipal.prefix}preferredSingleSignOnMode`),
      claims: policy && policyClaims(text, policy),
    });
  });
}

/** The enabled app roles' values (`appRoles[].value`), each a Role value a user assigned to it is sent. */
function appRoles(text: string, owner: GraphObject | undefined): AppRoleValues {
  if (!owner) return undefined;
  return items(property(owner.node, 'appRoles')).flatMap((role, i) => {
    if (property(role, 'isEnabled')?.value === false) return [];
    const value = knownString(text, property(role, 'value'), `${owner.prefix}appRoles[${i}].value`);
    return value.state === 'absent' ? [] : [value];
  });
}

function policyClaims(text: string, policy: GraphObject) {
  if (policy.kind === 'customClaimsPolicy') return customClaimsPolicyClaims(text, policy.node, policy.prefix);
  return claimsMappingPolicyClaims(text, items(property(policy.node, 'definition'))[0], `${policy.prefix}definition[0]`);
}
