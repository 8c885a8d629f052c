import { recipients } from './aws/post-targets.js';
import { parseRelayState } from './connect/relay-state.js';
import { parseUserList, type UserListResult } from './connect/users.js';
import type { Capture } from './model/capture.js';
import type { RelayState } from './model/connect.js';
import type { Environment } from './model/environment.js';
import type { JsonDocument } from './model/json.js';
import type { ResponseView } from './model/response.js';
import {
  CONTEXT_OPTIONS,
  CONTEXT_OPTION_IDS,
  contextValue,
  type ContextOptionValues,
  type ContextValues,
} from './model/context-options.js';
import { resolveTrust, type Trust } from './sig/trust.js';
import { parseJson } from './json/tree.js';
import { TextCache } from './model/text-cache.js';

/** What the caller knows about the login (the context options), and how `now` was come by; the core has no clock. */
export interface LintOptions extends ContextOptionValues {
  /** How findings name `now`: `--now` unless it came from elsewhere, e.g. a HAR file's `Date` header. */
  nowSource?: string;
  /**
   * The caller's clock, for `now` when neither the options nor the capture give one: an editor checks
   * validity as the user types. Findings name it "this machine’s clock".
   */
  defaultNow?: Date;
}

export const DEFAULT_CLOCK_SKEW_SECONDS = CONTEXT_OPTIONS.clockSkew.default;

export function resolveEnvironment(options: LintOptions, capture: Capture, response?: ResponseView): Environment {
  const env: Environment = {
    given: givenValues(options),
    profile: options.profile ?? CONTEXT_OPTIONS.profile.default,
    sp: { ...options.sp },
    clockSkewSeconds: contextValue(options, 'clockSkew') ?? DEFAULT_CLOCK_SKEW_SECONDS,
    nowSource: options.now === undefined && options.defaultNow ? 'this machine’s clock' : (options.nowSource ?? '--now'),
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
  if (options.trustPolicy !== undefined) env.trustPolicy = policyOf(options.trustPolicy, 'trust-policy');
  if (options.permissionPolicy !== undefined) env.permissionPolicy = policyOf(options.permissionPolicy, 'permission-policy');
  const given = options.now ?? options.defaultNow;
  if (given !== undefined) {
    const now = given instanceof Date ? given : new Date(given);
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
  // The first Recipient with a value, as AWS reads it.
  env.recipientEndpoint = response ? recipients(response).find((r) => r.url)?.endpoint : undefined;
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

function givenValues(options: LintOptions): ContextValues {
  return Object.fromEntries(CONTEXT_OPTION_IDS.flatMap((id) => (contextValue(options, id) === undefined ? [] : [[id, contextValue(options, id)]])));
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
/** Policies' JSON documents, shared between lints so that each one's typed view (readPolicy, kept per document) is built once. */
const POLICY_CACHE = new TextCache<JsonDocument>(4);

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

function policyOf(text: string, artifact: 'trust-policy' | 'permission-policy'): JsonDocument {
  return POLICY_CACHE.get(`${artifact}\n${text}`, () => {
    const doc = parseJson(text, artifact);
    Object.freeze(doc.problems);
    return Object.freeze(doc);
  });
}

function relayStateOf(raw: string): RelayState {
  return RELAY_STATE_CACHE.get(raw, () => {
    const relay = parseRelayState(raw);
    Object.freeze(relay.params);
    return Object.freeze(relay);
  });
}
