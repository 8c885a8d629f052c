import { XMLSerializer } from '@xmldom/xmldom';
import { decrypt } from 'xml-encryption';
import { NS, firstChild } from '../xml/dom.js';
import type { DecryptionProblem } from '../model/decryption.js';
import type { ParsedXml } from '../model/xml.js';
import { parseXml } from '../xml/parse.js';

export type DecryptionResult = { ok: true; parsed: ParsedXml } | { ok: false; problem: DecryptionProblem };

/**
 * Decrypts an EncryptedAssertion with the SP's private key (xml-encryption, the library node-saml
 * uses) and parses the plaintext with samlint's own parser, bounds and DTD refusal included.
 * xml-encryption reads the element from its own serialisation, so nothing else in the response can
 * be mistaken for it.
 */
export function decryptAssertion(encryptedAssertion: Element, privateKeyPem: string): DecryptionResult {
  const encryptedData = firstChild(encryptedAssertion, NS.xenc, 'EncryptedData');
  if (!encryptedData) return { ok: false, problem: { kind: 'encrypted-data-missing' } };
  let plaintext: string | undefined;
  let failure: string | undefined;
  // decrypt() takes a callback but calls it synchronously; the core stays synchronous.
  decrypt(
    new XMLSerializer().serializeToString(encryptedAssertion),
    { key: privateKeyPem, disallowDecryptionWithInsecureAlgorithm: false, warnInsecureAlgorithm: false },
    (error, result) => {
      if (error) failure = error.message;
      else plaintext = result;
    },
  );
  if (plaintext === undefined) return { ok: false, problem: { kind: 'cipher-failed', detail: failure } };
  const parsed = parseXml(plaintext);
  const root = parsed.doc?.root;
  if (!root) return { ok: false, problem: { kind: 'plaintext-not-xml' } };
  if (root.namespaceURI !== NS.saml || root.localName !== 'Assertion') {
    return { ok: false, problem: { kind: 'plaintext-not-assertion', element: root.tagName } };
  }
  return { ok: true, parsed };
}
