import { XMLSerializer } from '@xmldom/xmldom';
import { decrypt } from 'xml-encryption';
import { NS, firstChild } from '../xml/dom.js';
import type { ParsedXml } from '../model/xml.js';
import { parseXml } from '../xml/parse.js';

export type DecryptionResult = { ok: true; parsed: ParsedXml } | { ok: false; problem: string };

/**
 * Decrypts an EncryptedAssertion with the SP's private key (xml-encryption, the library node-saml
 * uses) and parses the plaintext with samlint's own parser, bounds and DTD refusal included.
 * xml-encryption reads the element from its own serialisation, so nothing else in the response can
 * be mistaken for it.
 */
export function decryptAssertion(encryptedAssertion: Element, privateKeyPem: string): DecryptionResult {
  const encryptedData = firstChild(encryptedAssertion, NS.xenc, 'EncryptedData');
  if (!encryptedData) return { ok: false, problem: 'the EncryptedAssertion holds no xenc:EncryptedData' };
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
  if (plaintext === undefined) return { ok: false, problem: `cannot decrypt: ${failure ?? 'no result'}` };
  const parsed = parseXml(plaintext);
  const root = parsed.doc?.root;
  if (!root) return { ok: false, problem: 'the decrypted content is not well-formed XML' };
  if (root.namespaceURI !== NS.saml || root.localName !== 'Assertion') {
    return { ok: false, problem: `the decrypted content is \`${root.tagName}\`, not a saml:Assertion` };
  }
  return { ok: true, parsed };
}
