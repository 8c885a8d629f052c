/** Why an EncryptedAssertion cannot be read with the key given; IN011 says it in words. */
export type DecryptionProblem =
  | { kind: 'encrypted-data-missing' }
  /** xml-encryption's error, when it gave one: a wrong key, or an algorithm it does not support. */
  | { kind: 'cipher-failed'; detail?: string }
  | { kind: 'plaintext-not-xml' }
  | { kind: 'plaintext-not-assertion'; element: string };
