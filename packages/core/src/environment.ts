import { parseSignInEndpoint, type SignInEndpoint } from './aws/endpoints.js';
import { parseRelayState, type RelayState } from './connect/relay-state.js';
import { parseUserList, type UserList, type UserListResult } from './connect/users.js';
import type { DecryptionFailure } from './saml/decrypt.js';
import type { ResponseView } from './saml/response.js';
import { bearerConfirmationData } from './saml/response.js';
import { attribute } from './xml/dom.js';
import type { Capture } from './capture/decode.js';
import type { Profile } from './model/rule.js';
import type { Certificate } from './sig/certificates.js';
import { resolveTrust, type Trust } from './sig/trust.js';
import { parseJson, type JsonDocument } from './json/tree.js';
import type { XmlDocument } from './xml/parse.js';
import { TextCache } from './model/text-cache.js';

/** What a generic service provider expects (`--profile generic`). */
export interface ServiceProvider {
  /** The SP's entity id, expected as an Audience. */
  audience?: string;
  /** The assertion consumer service URL, expected as Recipient and Destination. */
  acs?: string;
  /** The IdP's entity id, expected as Issuer. */
  issuer?: string;
  /** The ID of the AuthnRequest this response answers. */
  inResponseTo?: string;
}

/** What the caller knows about the login; `now` is passed in because the core has no clock. */
export interface LintOptions {
  /** `aws` (default): AWS sign-in and Amazon Connect rules; `generic`: any SP, described by `sp`. */
  profile?: Profile;
  sp?: ServiceProvider;
  now?: Date | string;
  /** How findings name `now`: `--now` unless it came from elsewhere, e.g. a HAR file's `Date` header. */
  nowSource?: string;
  /** Tolerance for clock differences between the IdP and AWS, in seconds (default 60). */
  clockSkewSeconds?: number;
  region?: string;
  instanceId?: string;
  relayState?: string;
  /** The Connect user list: bulk-upload CSV or `aws connect list-users` JSON, as text. */
  users?: string;
  /** Trusted IdP signing certificates: PEM (one or more blocks) or base64 DER, one text each. */
  certificates?: string[];
  /** The IdP's SAML metadata (EntityDescriptor), whose signing certificates are trusted and whose entityID is the expected Issuer. */
  metadata?: string;
  /** The SP's private key (PEM) for encrypted assertions. */
  decryptionKey?: string;
  /** The IAM role's trust policy (JSON text), checked on its own and against the response. */
  trustPolicy?: string;
  /** The IAM role's permission policy (JSON text) that must grant `connect:GetFederationToken`. */
  permissionPolicy?: string;
}

export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

export interface Inferred {
  what: 'region' | 'instance id' | 'issuer' | 'now';
  value: string;
  from: string;
}

export interface Environment {
  profile: Profile;
  sp: ServiceProvider;
  now?: Date;
  /** How messages name `now` (`--now`, or where it came from). */
  nowSource: string;
  clockSkewSeconds: number;
  /** The region the caller gave, else the one inferred (see `inferred`). */
  region?: string;
  regionSource?: 'option' | 'relay state' | 'Recipient';
  instanceId?: string;
  relayState?: RelayState;
  relayStateSource?: 'option' | 'capture';
  /** The bearer Recipient, when it is an AWS sign-in endpoint. */
  recipientEndpoint?: SignInEndpoint;
  users?: UserList;
  usersProblem?: string;
  /** Certificates from --cert and --metadata; the certificate inside a message is never among them. */
  trusted: Certificate[];
  /** Why some --cert or --metadata input could not be used. */
  trustProblems: string[];
  /** The --metadata document, when it parsed as SAML metadata; `metadata` rules read it too. */
  metadataDocument?: XmlDocument;
  /** --trust-policy, or the input when it is a trust policy. */
  trustPolicy?: JsonDocument;
  /** --permission-policy, or the input when it is a permission policy. */
  permissionPolicy?: JsonDocument;
  decryptionKeyGiven: boolean;
  /** Why the EncryptedAssertion could not be decrypted with --decryption-key. */
  decryptionProblem?: DecryptionFailure;
  inferred: Inferred[];
}

export function resolveEnvironment(options: LintOptions, capture: Capture, response?: ResponseView): Environment {
  const env: Environment = {
    profile: options.profile ?? 'aws',
    sp: { ...options.sp },
    clockSkewSeconds: options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
    nowSource: options.nowSource ?? '--now',
    trusted: [],
    trustProblems: [],
    decryptionKeyGiven: options.decryptionKey !== undefined,
    inferred: [],
  };
  if (options.certificates?.length || options.metadata !== undefined) {
    const trust = trustOf(options.certificates, options.metadata);
    env.trusted = trust.certificates;
    env.trustProblems = trust.problems;
    env.metadataDocument = trust.metadataDocument;
    if (trust.metadataEntityId && env.sp.issuer === undefined) {
      env.sp.issuer = trust.metadataEntityId;
      env.inferred.push({ what: 'issuer', value: trust.metadataEntityId, from: 'the metadata entityID' });
    }
  }
  if (options.trustPolicy !== undefined) env.trustPolicy = parseJson(options.trustPolicy, 'trust-policy');
  if (options.permissionPolicy !== undefined) env.permissionPolicy = parseJson(options.permissionPolicy, 'permission-policy');
  if (options.now !== undefined) {
    const now = options.now instanceof Date ? options.now : new Date(options.now);
    if (!Number.isNaN(now.getTime())) env.now = now;
  }
  const relayRaw = options.relayState ?? capture.relayState?.value;
  if (relayRaw !== undefined && relayRaw !== '') {
    env.relayState = relayStateOf(relayRaw);
    env.relayStateSource = options.relayState !== undefined ? 'option' : 'capture';
  }
  if (options.users !== undefined) {
    const result = usersOf(options.users);
    if (result.ok) env.users = result.users;
    else env.usersProblem = result.problem;
  }
  const recipient = response ? firstRecipient(response) : undefined;
  env.recipientEndpoint = recipient ? parseSignInEndpoint(recipient) : undefined;
  if (options.region) {
    env.region = options.region;
    env.regionSource = 'option';
  } else if (env.relayState?.region) {
    env.region = env.relayState.region;
    env.regionSource = 'relay state';
    env.inferred.push({ what: 'region', value: env.region, from: 'the relay state host' });
  } else {
    const endpoint = env.recipientEndpoint;
    if (endpoint?.region && endpoint.regionFromHost) {
      env.region = endpoint.region;
      env.regionSource = 'Recipient';
      env.inferred.push({ what: 'region', value: env.region, from: 'the Recipient host' });
    }
  }
  if (options.instanceId) {
    env.instanceId = options.instanceId;
  } else if (env.relayState?.instanceId) {
    env.instanceId = env.relayState.instanceId;
    env.inferred.push({ what: 'instance id', value: env.instanceId, from: 'the relay state path' });
  }
  return env;
}

/*
 * The context (its files and the relay state) is parsed once per distinct text. An editor lints the
 * same context again on every change, and a HAR file's logins share it; reading one certificate
 * (OpenSSL) costs a good part of a typical response's parse. The values are shared between lints, so
 * they are frozen where a rule could slip.
 */
const TRUST_CACHE = new TextCache<Trust>(4);
const USERS_CACHE = new TextCache<UserListResult>(4);
const RELAY_STATE_CACHE = new TextCache<RelayState>(4);

function trustOf(certificates: readonly string[] | undefined, metadata: string | undefined): Trust {
  return TRUST_CACHE.get(JSON.stringify([certificates ?? [], metadata ?? null]), () => {
    const trust = resolveTrust(certificates, metadata);
    trust.certificates.forEach((certificate) => Object.freeze(certificate));
    Object.freeze(trust.certificates);
    Object.freeze(trust.problems);
    return Object.freeze(trust);
  });
}

function usersOf(text: string): UserListResult {
  return USERS_CACHE.get(text, () => {
    const result = parseUserList(text);
    if (result.ok) Object.freeze(Object.freeze(result.users).usernames);
    return Object.freeze(result);
  });
}

function relayStateOf(raw: string): RelayState {
  return RELAY_STATE_CACHE.get(raw, () => {
    const relay = parseRelayState(raw);
    Object.freeze(relay.params);
    return Object.freeze(relay);
  });
}

function firstRecipient(response: ResponseView): string | undefined {
  for (const data of bearerConfirmationData(response)) {
    const recipient = attribute(data, 'Recipient');
    if (recipient) return recipient;
  }
  return undefined;
}
