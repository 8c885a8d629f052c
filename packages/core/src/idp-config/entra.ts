// One Microsoft Entra ID SAML app from the objects Entra splits it into: the application (reply URLs,
// identifiers, app roles), its service principal (relay state) and a claims policy (facts
// idp-config-exports.md §4). Microsoft Graph JSON and azuread resources in Terraform read the same
// settings under different names; both readers hand them here as an EntraApp.
import type { InputRange } from '../model/capture.js';
import type { AttributeConfig, ConfigSource, ConfigValue, NotCarried, SamlAppConfig } from '../model/idp-config.js';
import type { JsonNode } from '../model/json.js';
import type { AppRoleValues } from './entra-claims.js';
import { knownString, rangeOf } from './values.js';

/** Where each part of the app lives in this kind of file, for the reason a part the file lacks is not checked. */
export interface EntraPlaces {
  application: string;
  servicePrincipal: string;
  claims: string;
}

export interface EntraApp {
  source: ConfigSource;
  label: string;
  range: InputRange;
  places: EntraPlaces;
  /** The reply URLs (ACS); undefined when the file holds neither the application nor its service principal. */
  replyUrls: ConfigValue[] | undefined;
  /** The identifiers (entity id, sent as the Audience); undefined as for `replyUrls`. */
  identifierUris: ConfigValue[] | undefined;
  appRoles: AppRoleValues;
  /** The service principal's; undefined when the file holds no service principal. */
  relayState: ConfigValue | undefined;
  signOnMode: ConfigValue | undefined;
  /** The claims, given the app roles; `pending` when the policy is not a literal here; undefined when the file holds no claims policy. */
  claims: ((appRoles: AppRoleValues) => AttributeConfig[]) | { pending: ConfigValue } | undefined;
}

const AWS_ATTRIBUTES = 'https://aws.amazon.com/SAML/Attributes/';

/** Set in the admin center only: no Graph object and no azuread attribute carries them (facts §1.4, §4). */
const PORTAL_ONLY = 'it is set in the Entra admin center only, under Single sign-on → SAML Certificates; no export carries it';
const SIGNING_NOT_CARRIED: NotCarried[] = [
  { what: 'the signing option (sign the response, the assertion or both)', why: PORTAL_ONLY },
  { what: 'the signing algorithm (SHA-256 or SHA-1)', why: PORTAL_ONLY },
];

/**
 * The identifier as the Audience Entra sends: Entra drops a `#` suffix (`…/saml#2`, which admins add
 * to register one SP several times), so the value is the text before it.
 */
function audienceOf(identifier: ConfigValue): ConfigValue {
  if (identifier.state !== 'known' || !identifier.value.includes('#')) return identifier;
  const value = identifier.value.slice(0, identifier.value.indexOf('#'));
  if (!identifier.verbatim) return { ...identifier, value };
  return { ...identifier, value, range: { start: identifier.range.start, end: identifier.range.start + value.length } };
}

/** The app roles the AWS gallery app's default Role claim (`user.assignedroles`) sends: those written as ARNs, or not known yet. */
function arnRoles(appRoles: ConfigValue[]): ConfigValue[] {
  return appRoles.filter((role) => role.state !== 'known' || role.value.startsWith('arn:'));
}

/**
 * RoleSessionName and Role when the claims are not in the file, or not known yet: each a value that
 * is not checked, so that neither reads as missing. The app roles stand for the Role values the AWS
 * gallery app's default claim (`user.assignedroles`) sends.
 */
function requiredClaims(app: EntraApp, notCarried: NotCarried[]): AttributeConfig[] {
  const pending = app.claims && typeof app.claims !== 'function' ? app.claims.pending : undefined;
  if (!pending) notCarried.push({ what: 'the claim set (RoleSessionName, Role, SessionDuration)', why: `it is in ${app.places.claims}, which this file does not hold` });
  const notHere: ConfigValue = pending ?? { state: 'elsewhere', path: 'claims', range: app.range };
  const roles = arnRoles(app.appRoles ?? []);
  const placed = (name: string, values: ConfigValue[]): AttributeConfig => {
    const [value] = values;
    return { name: `${AWS_ATTRIBUTES}${name}`, path: value?.path ?? 'claims', range: value && value.state !== 'absent' ? value.range : app.range, values };
  };
  return [placed('RoleSessionName', [notHere]), placed('Role', roles.length ? roles : [notHere])];
}

export function entraSamlApp(app: EntraApp): SamlAppConfig {
  const { places } = app;
  const notCarried: NotCarried[] = [...SIGNING_NOT_CARRIED];
  const first = (values: ConfigValue[] | undefined, path: string): ConfigValue => values?.[0] ?? { state: 'absent', path };
  if (!app.replyUrls) notCarried.push({ what: 'the reply URL (ACS) and the Identifier (Audience)', why: `they are on ${places.application}, which this file does not hold` });
  else if (app.replyUrls.length > 1) {
    notCarried.push({ what: `reply URLs after the first of ${app.replyUrls.length}`, why: 'which one Entra posts to is the default chosen in the admin center, or the one the AWS sign-in asks for' });
  }
  if (!app.relayState) notCarried.push({ what: 'what the service principal sets (the relay state, the single sign-on mode)', why: `it is on ${places.servicePrincipal}, which this file does not hold` });
  const attributes = typeof app.claims === 'function' ? app.claims(app.appRoles) : requiredClaims(app, notCarried);
  const acs = first(app.replyUrls, 'replyUrls');
  return {
    source: app.source,
    label: app.label,
    range: app.range,
    acs,
    // Entra posts to the reply URL and names it as Recipient and Destination.
    recipient: acs,
    destination: acs,
    audience: audienceOf(first(app.identifierUris, 'identifierUris')),
    relayState: app.relayState ?? { state: 'absent', path: 'samlSingleSignOnSettings.relayState' },
    attributes,
    signOnMode: app.signOnMode,
    signing: {
      responseSigned: { state: 'absent', path: 'Signing Option' },
      assertionSigned: { state: 'absent', path: 'Signing Option' },
      signatureAlgorithm: { state: 'absent', path: 'Signing Algorithm' },
      digestAlgorithm: { state: 'absent', path: 'Signing Algorithm' },
    },
    notCarried,
  };
}

/** The service principal's single sign-on mode; JSON null or an empty string (azuread's default) is a mode set to nothing. */
export function signOnModeValue(text: string, node: JsonNode | undefined, path: string): ConfigValue {
  if (node?.type === 'null' || node?.value === '') return { state: 'known', value: '', path, range: rangeOf(node), verbatim: false };
  return knownString(text, node, path);
}

/** The objects of one app, as a file holds them. */
export interface EntraObjects<T> {
  application?: T;
  servicePrincipal?: T;
  policies: T[];
}

/**
 * Sorts a file's objects into apps: a service principal goes with the application `sameApp` names;
 * claims policies, which do not say whose they are, go with the file's one app when it has exactly
 * one, and otherwise stand alone, each linted for the claims it holds.
 */
export function groupEntraObjects<T>(applications: T[], servicePrincipals: T[], policies: T[], sameApp: (application: T, servicePrincipal: T) => boolean): EntraObjects<T>[] {
  const unpaired = [...applications];
  const groups: EntraObjects<T>[] = servicePrincipals.map((servicePrincipal) => {
    const index = unpaired.findIndex((application) => sameApp(application, servicePrincipal));
    const [application] = index >= 0 ? unpaired.splice(index, 1) : [];
    return application ? { application, servicePrincipal, policies: [] } : { servicePrincipal, policies: [] };
  });
  groups.push(...unpaired.map((application) => ({ application, policies: [] })));
  const [only] = groups;
  if (only && groups.length === 1) only.policies.push(...policies);
  else groups.push(...policies.map((policy) => ({ policies: [policy] })));
  return groups;
}
