// AD FS relying-party trusts (`Get-AdfsRelyingPartyTrust`, facts idp-config-exports.md §5), from either
// form a user has: `| ConvertTo-Json` (here) or the list view (adfs-list-view.ts). Both readers fill an
// AdfsTrust; one function turns it into the SAML app the rules read.
import type { InputRange } from '../model/capture.js';
import type { JsonNode } from '../model/json.js';
import type { ConfigValue, NotCarried, NotRecognised, SamlAppConfig } from '../model/idp-config.js';
import { property, stringOf } from '../json/tree.js';
import { readClaimRules } from './adfs-claim-rules.js';
import { jsonStringText, type LocatedText } from './located-text.js';
import { knownString, rangeOf } from './values.js';

/** One of `SamlEndpoints` (`New-AdfsSamlEndpoint -Binding POST -Protocol SAMLAssertionConsumer -Uri …`). */
export interface AdfsEndpoint {
  protocol?: string;
  binding?: string;
  isDefault?: boolean;
  index?: number;
  location: ConfigValue;
}

/** The settings of one trust that samlint reads, from either form. */
export interface AdfsTrust {
  /** The trust's Name, else its first Identifier. */
  name: string;
  /** Where findings about the trust as a whole point: its Name. */
  range: InputRange;
  /** Paths of a file holding several trusts start with the trust's place: `[1].`. */
  prefix: string;
  /** The first `Identifier`: what AD FS sends as the Audience. */
  identifier: ConfigValue;
  endpoints: AdfsEndpoint[];
  signatureAlgorithm: ConfigValue;
  samlResponseSignature: ConfigValue;
  enabled?: boolean;
  rules?: LocatedText;
  /** What this form of the file leaves out (the list view's `SamlEndpoints`). */
  notCarried: NotCarried[];
  notRecognised: NotRecognised[];
}

/** `SamlResponseSignature` values, lower-cased, as the two flags the rules read (Set-AdfsRelyingPartyTrust). */
const SIGNED_PARTS = new Map<string, { response: boolean; assertion: boolean }>([
  ['assertiononly', { response: false, assertion: true }],
  ['messageonly', { response: true, assertion: false }],
  ['messageandassertion', { response: true, assertion: true }],
]);

const RELAY_STATE_NOT_CARRIED: NotCarried = {
  what: 'the relay state',
  why: 'AD FS keeps it out of the trust: it is part of the IdP-initiated sign-on link, `IdpInitiatedSignOn.aspx?RelayState=…`; give it with --relay-state',
  suppliedBy: 'relayState',
};

/**
 * The ACS AD FS posts an IdP-initiated response to: the SAMLAssertionConsumer endpoints with the POST
 * binding, the default one first, then by index (samlint's reading of SAML metadata's rule; the facts
 * file has no AD FS statement of it).
 */
function assertionConsumer(endpoints: AdfsEndpoint[]): AdfsEndpoint | undefined {
  const consumers = endpoints.filter((e) => (e.protocol ?? 'SAMLAssertionConsumer').toLowerCase() === 'samlassertionconsumer' && (e.binding ?? 'POST').toLowerCase() === 'post');
  return consumers.sort((a, b) => Number(b.isDefault ?? false) - Number(a.isDefault ?? false) || (a.index ?? 0) - (b.index ?? 0))[0];
}

/** A trust as the SAML app the rules read. */
export function adfsApp(trust: AdfsTrust): SamlAppConfig {
  const { prefix } = trust;
  const notCarried = [...trust.notCarried, RELAY_STATE_NOT_CARRIED];
  const notRecognised = [...trust.notRecognised];
  const acs = assertionConsumer(trust.endpoints)?.location ?? { state: 'absent', path: `${prefix}SamlEndpoints` };
  const signedParts = trust.samlResponseSignature;
  const parts = signedParts.state === 'known' ? SIGNED_PARTS.get(signedParts.value.toLowerCase()) : undefined;
  const flag = (which: 'response' | 'assertion'): ConfigValue<boolean> => {
    if (signedParts.state !== 'known' || !parts) return { state: 'absent', path: signedParts.path };
    return { state: 'known', value: parts[which], path: signedParts.path, range: signedParts.range, verbatim: false };
  };
  if (signedParts.state === 'absent') notCarried.push({ what: 'what AD FS signs', why: '`SamlResponseSignature` is not in the file' });
  else if (signedParts.state === 'known' && !parts) {
    notRecognised.push({ what: `\`SamlResponseSignature\` \`${signedParts.value}\``, range: signedParts.range, why: 'it is none of AssertionOnly, MessageOnly and MessageAndAssertion' });
  }
  let attributes: SamlAppConfig['attributes'] = [];
  if (trust.rules) {
    const read = readClaimRules(trust.rules, `${prefix}IssuanceTransformRules`);
    attributes = read.attributes;
    notRecognised.push(...read.notRecognised);
  } else {
    notCarried.push({ what: 'the claim rules', why: '`IssuanceTransformRules` is not in the file' });
  }
  return {
    source: 'adfs',
    label: trust.enabled === false ? `${trust.name} (disabled: AD FS refuses to sign in to it)` : trust.name,
    range: trust.range,
    acs,
    // AD FS posts to the ACS and names it as Recipient and Destination.
    recipient: acs,
    destination: acs,
    audience: trust.identifier,
    relayState: { state: 'absent', path: `${prefix}RelayState` },
    attributes,
    signing: {
      responseSigned: flag('response'),
      assertionSigned: flag('assertion'),
      signatureAlgorithm: trust.signatureAlgorithm,
      // AD FS has no digest setting of its own: the signature algorithm names the digest too.
      digestAlgorithm: { state: 'absent', path: `${prefix}SignatureAlgorithm` },
      signedParts,
    },
    notCarried,
    notRecognised,
  };
}

// ---------------------------------------------------------------------------------------------------
// ConvertTo-Json

/** A trust object: the relying-party trust's own properties, which a claims-provider trust does not have. */
function isTrust(node: JsonNode | undefined): boolean {
  return node?.type === 'object' && property(node, 'Identifier') !== undefined && (property(node, 'IssuanceTransformRules') !== undefined || property(node, 'SamlResponseSignature') !== undefined);
}

/** The trust objects of a file, and the path of the array holding them ('' for a root array; none for one object). */
export interface AdfsJsonTrusts {
  trusts: JsonNode[];
  arrayPath?: string;
}

/**
 * The trusts of a `Get-AdfsRelyingPartyTrust | ConvertTo-Json` file: one object, an array of them, or
 * Windows PowerShell's `{"value": [...], "Count": n}` for an array given with -InputObject.
 */
export function adfsJsonTrusts(root: JsonNode | undefined): AdfsJsonTrusts | undefined {
  const wrapped = root?.type === 'object' && property(root, 'value')?.type === 'array' && property(root, 'Count') !== undefined;
  const list = wrapped ? property(root, 'value') : root;
  if (list?.type === 'array') {
    const trusts = list.children ?? [];
    return trusts.length > 0 && trusts.every(isTrust) ? { trusts, arrayPath: wrapped ? 'value' : '' } : undefined;
  }
  return list && isTrust(list) ? { trusts: [list] } : undefined;
}

const TRUNCATED = 'ConvertTo-Json wrote them as type names, past its depth (2 unless -Depth is given): export with `ConvertTo-Json -Depth 5`';

export function readAdfsJsonTrusts(text: string, { trusts, arrayPath }: AdfsJsonTrusts): SamlAppConfig[] {
  return trusts.map((trust, index) => adfsApp(jsonTrust(text, trust, arrayPath === undefined ? '' : `${arrayPath}[${index}].`)));
}

function jsonTrust(text: string, trust: JsonNode, prefix: string): AdfsTrust {
  const at = (name: string) => `${prefix}${name}`;
  const field = (name: string) => knownString(text, property(trust, name), at(name));
  const identifiers = property(trust, 'Identifier');
  const firstIdentifier = identifiers?.type === 'array' ? identifiers.children?.[0] : identifiers;
  const nameNode = property(trust, 'Name') ?? firstIdentifier ?? trust;
  const notCarried: NotCarried[] = [];
  const notRecognised: NotRecognised[] = [];
  const endpointsNode = property(trust, 'SamlEndpoints');
  const endpointNodes = endpointsNode?.type === 'array' ? (endpointsNode.children ?? []) : endpointsNode ? [endpointsNode] : [];
  const endpoints = endpointNodes.flatMap((node, i) => (node.type === 'object' ? [jsonEndpoint(text, node, at(`SamlEndpoints[${i}]`))] : []));
  if (endpointNodes.some((node) => node.type === 'string')) notCarried.push({ what: 'the SAML endpoints (the ACS)', why: TRUNCATED });
  const signedParts = property(trust, 'SamlResponseSignature');
  let samlResponseSignature = field('SamlResponseSignature');
  if (signedParts?.type === 'number') {
    notRecognised.push({ what: '`SamlResponseSignature`', range: rangeOf(signedParts), why: 'it is written as a number, which AD FS does not document' });
    samlResponseSignature = { state: 'absent', path: at('SamlResponseSignature') };
  }
  const rules = property(trust, 'IssuanceTransformRules');
  const enabled = property(trust, 'Enabled');
  return {
    name: stringOf(nameNode) ?? 'relying-party trust',
    range: rangeOf(nameNode),
    prefix,
    identifier: knownString(text, firstIdentifier, at(identifiers?.type === 'array' ? 'Identifier[0]' : 'Identifier')),
    endpoints,
    signatureAlgorithm: field('SignatureAlgorithm'),
    samlResponseSignature,
    ...(enabled?.type === 'boolean' && { enabled: enabled.value === true }),
    ...(rules?.type === 'string' && { rules: jsonStringText(text, rules.offset, rules.offset + rules.length) }),
    notCarried,
    notRecognised,
  };
}

/** An endpoint object; its `Location` is a string, or the property bag Windows PowerShell makes of a System.Uri. */
function jsonEndpoint(text: string, node: JsonNode, path: string): AdfsEndpoint {
  const location = property(node, 'Location');
  const uri = location?.type === 'object' ? (['OriginalString', 'AbsoluteUri'] as const).find((name) => property(location, name)?.type === 'string') : undefined;
  const isDefault = property(node, 'IsDefault');
  const index = property(node, 'Index');
  const protocol = stringOf(property(node, 'Protocol'));
  const binding = stringOf(property(node, 'Binding'));
  return {
    ...(protocol !== undefined && { protocol }),
    ...(binding !== undefined && { binding }),
    ...(isDefault?.type === 'boolean' && { isDefault: isDefault.value === true }),
    ...(index?.type === 'number' && { index: Number(index.value) }),
    location: uri ? knownString(text, property(location, uri), `${path}.Location.${uri}`) : knownString(text, location, `${path}.Location`),
  };
}
