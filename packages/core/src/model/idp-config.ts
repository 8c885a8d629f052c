// A SAML app's configuration as an IdP export or a Terraform plan holds it (decision 0008). Here,
// below the rules, so that IDP rules read it without importing the readers.
import type { InputRange } from './capture.js';

/**
 * One configured setting. Only a `known` value can be checked; the other states are reported as
 * not checked (IDP001), never as a pass. `path` is where it sits in the file, as the user reads it
 * (`settings.signOn.ssoAcsUrl`), and `range` the text there.
 */
export type ConfigValue<T extends string | boolean = string> =
  /** `verbatim`: the text at `range` is the value itself (a JSON string without escapes), so an edit there is safe. */
  | { state: 'known'; value: T; path: string; range: InputRange; verbatim: boolean }
  /** Terraform's "known after apply": `range` is the `after_unknown` entry that says so. */
  | { state: 'unknown'; path: string; range: InputRange }
  /** Evaluated per user or per account by the IdP (Okta Expression Language, a Keycloak mapper). */
  | { state: 'expression'; expression: string; path: string; range: InputRange; reads?: UserSource }
  /** Terraform source that samlint does not evaluate (a variable, a local, a function call, another resource's attribute): `expression` names it. */
  | { state: 'unresolved'; expression: string; path: string; range: InputRange }
  | { state: 'absent'; path: string }
  /**
   * Set in a part of the IdP's configuration this file does not hold (Entra's claims live in a policy
   * apart from the application): `notCarried` says which. An attribute in this state is written as a
   * placeholder so that it does not read as missing, and no rule judges it.
   */
  | { state: 'elsewhere'; path: string; range: InputRange };

/** The user's value an expression sends, when the reader can tell: what IDP006 judges the case of. */
export interface UserSource {
  /** Whose expression language or mapper reads it: the fix for its case is that IdP's. */
  idp: 'okta' | 'keycloak' | 'adfs' | 'entra';
  /** As the IdP names it: Okta `user.email`, Keycloak `username`, AD FS `mail` or a claim type, Entra `user.userprincipalname`. */
  attribute: string;
  /** The expression lower-cases it (Okta `String.toLowerCase(…)`), or the IdP stores it lower-cased (Keycloak usernames and e-mails). */
  lowerCased: boolean;
}

export interface AttributeConfig {
  name: string;
  /** The attribute's name in the file: the statement findings about the attribute as a whole point at. */
  path: string;
  range: InputRange;
  values: ConfigValue[];
}

export interface SigningConfig {
  responseSigned: ConfigValue<boolean>;
  assertionSigned: ConfigValue<boolean>;
  /** As the IdP names it: `RSA_SHA256`, `RSA_SHA1`. */
  signatureAlgorithm: ConfigValue;
  digestAlgorithm: ConfigValue;
  /**
   * The one setting both flags are read from, when the IdP has one (AD FS `SamlResponseSignature`:
   * `AssertionOnly`, `MessageOnly`, `MessageAndAssertion`): findings about signing name it.
   */
  signedParts?: ConfigValue;
}

export type ConfigSource = 'okta-api' | 'terraform-plan' | 'terraform-state' | 'terraform-source' | 'keycloak' | 'adfs' | 'microsoft-graph';

/** A setting this kind of file never carries, and why: listed as not checked (facts §7.5). */
export interface NotCarried {
  what: string;
  why: string;
  /** The lint option that supplies the setting instead (`--relay-state`): given, the setting is checked after all. */
  suppliedBy?: 'relayState';
}

/** Something the file holds that samlint cannot read (an AD FS claim rule of another form): listed as not checked. */
export interface NotRecognised {
  what: string;
  /** Where it sits in the file. */
  range: InputRange;
  why: string;
}

export interface SamlAppConfig {
  source: ConfigSource;
  /** What the result's "detected" line names: `Terraform plan: okta_app_saml.connect`. */
  label: string;
  /** The app's name or address in the file: where findings about the app as a whole point. */
  range: InputRange;
  acs: ConfigValue;
  recipient: ConfigValue;
  destination: ConfigValue;
  audience: ConfigValue;
  relayState: ConfigValue;
  attributes: AttributeConfig[];
  signing: SigningConfig;
  /**
   * The single sign-on mode the IdP launches the app with, where it has one apart from the app
   * (Entra's `preferredSingleSignOnMode`); `known` with an empty value when it is set to nothing.
   */
  signOnMode?: ConfigValue;
  notCarried: NotCarried[];
  notRecognised?: NotRecognised[];
}

/** What `readIdpConfig` found in a file: its kind in words and the SAML apps in it. */
export interface IdpConfigFile {
  description: string;
  apps: SamlAppConfig[];
  /** Why the file was recognised but not read (a syntax error), so that its apps are not known. */
  unread?: string;
}
