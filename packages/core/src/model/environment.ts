// The context rules read: what the caller knows about the login (environment.ts resolves it from
// LintOptions, the capture and the response) and what samlint inferred.
import type { Certificate, TrustProblem } from './certificate.js';
import type { RelayState, UserList, UserListProblem } from './connect.js';
import type { DecryptionProblem } from './decryption.js';
import type { JsonDocument } from './json.js';
import type { SignInEndpoint } from './sign-in-endpoint.js';
import type { XmlDocument } from './xml.js';

/**
 * Which service provider the response is meant for: `aws` (AWS sign-in and Amazon Connect, the
 * default) or `generic` (any SP, described by --audience, --acs, --issuer, --in-response-to).
 */
export type Profile = 'aws' | 'generic';

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
  usersProblem?: UserListProblem;
  /** Certificates from --cert and --metadata; the certificate inside a message is never among them. */
  trusted: Certificate[];
  /** Why some --cert or --metadata input could not be used. */
  trustProblems: TrustProblem[];
  /** The --metadata document, when it parsed as SAML metadata; `metadata` rules read it too. */
  metadataDocument?: XmlDocument;
  /** --trust-policy, or the input when it is a trust policy. */
  trustPolicy?: JsonDocument;
  /** --permission-policy, or the input when it is a permission policy. */
  permissionPolicy?: JsonDocument;
  decryptionKeyGiven: boolean;
  /** Why the EncryptedAssertion could not be decrypted with --decryption-key. */
  decryptionProblem?: DecryptionProblem;
  inferred: Inferred[];
}
