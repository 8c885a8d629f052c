// The context rules read: what the caller knows about the login (environment.ts resolves it from
// LintOptions, the capture and the response) and what samlint inferred.
import type { Certificate, TrustProblem } from './certificate.js';
import type { RelayState, UserList, UserListProblem } from './connect.js';
import type { DecryptionFailure } from './decryption.js';
import type { JsonDocument } from './json.js';
import type { SignInEndpoint } from './sign-in-endpoint.js';
import type { ContextValues, Profile, ServiceProvider } from './context-options.js';
import type { XmlDocument } from './xml.js';

export type { Profile, ServiceProvider } from './context-options.js';

export interface Inferred {
  what: 'region' | 'instance id' | 'issuer' | 'now';
  value: string;
  from: string;
}

export interface Environment {
  /** The context options as the caller gave them, by option; the fields below are what they resolve to. */
  given: ContextValues;
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
  decryptionProblem?: DecryptionFailure;
  inferred: Inferred[];
}
