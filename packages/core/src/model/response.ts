// The typed view of a `samlp:Response` that rules read; saml/response.ts builds it over the one DOM.

export interface SamlAttribute {
  element: Element;
  name: string;
  values: Element[];
}

/**
 * A read-only view of a `samlp:Response`. Rules read the Assertion that is a direct child of the
 * Response, and only when there is exactly one: any other arrangement is itself a finding. When a
 * signature verified, only the direct Assertions it covers count (`signed`).
 */
export interface ResponseView {
  root: Element;
  isResponse: boolean;
  issuer?: Element;
  status?: Element;
  /** Direct `saml:Assertion` children of the Response. */
  assertions: Element[];
  encryptedAssertions: Element[];
  /** `saml:Assertion` elements anywhere else in the document (wrapping, nesting). */
  strayAssertions: Element[];
  /** EncryptedAssertion, EncryptedID and EncryptedAttribute elements anywhere in the document, in document order. */
  encryptedElements: Element[];
  /** The Assertion rules read, when there is exactly one (possibly decrypted: see `decrypted`). */
  assertion?: Element;
  /** True when `assertion` is the plaintext of the single EncryptedAssertion (--decryption-key). */
  decrypted: boolean;
  /** Direct Assertions left unread because no verified signature covers them, while one covers something. */
  unsignedSkipped: number;
  assertionIssuer?: Element;
  subject?: Element;
  nameId?: Element;
  subjectConfirmations: Element[];
  conditions?: Element;
  authnStatements: Element[];
  attributes: SamlAttribute[];
}
