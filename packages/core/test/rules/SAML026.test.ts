import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { SAML026 } from '../../src/rules/saml/SAML026-encryption-malformed.js';
import { CIPHER, DATA_METHOD, ENCRYPTED_KEY, KEY_METHOD, encryptedElement } from '../encryption-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const DS_KEYINFO = (inner: string) => `<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${inner}</ds:KeyInfo>`;
const encryptedAssertion = (xml: string) => buildResponse({ assertionCount: 0, responseExtra: `\n  ${xml}` });
/** The clean login with its NameID replaced by an EncryptedID. */
const encryptedId = (xml: string) => buildResponse({ nameId: null }).replace('<saml:Subject>', `<saml:Subject>${xml}`);

ruleTester(SAML026, {
  valid: [
    { name: 'no encryption', input: buildResponse() },
    { name: 'a complete EncryptedAssertion', input: encryptedAssertion(encryptedElement('EncryptedAssertion')) },
    { name: 'an EncryptedKey beside the EncryptedData', input: encryptedId(encryptedElement('EncryptedID', `${DATA_METHOD}${CIPHER}`, ENCRYPTED_KEY)) },
    { name: 'a KeyInfo naming a key the SP holds', input: encryptedId(encryptedElement('EncryptedID', `${DATA_METHOD}${DS_KEYINFO('<ds:KeyName>sp-2026</ds:KeyName>')}${CIPHER}`)) },
  ],
  invalid: [
    {
      name: 'EncryptedData without EncryptionMethod, pointing at the EncryptedData',
      input: encryptedAssertion(encryptedElement('EncryptedAssertion', `${DS_KEYINFO(ENCRYPTED_KEY)}${CIPHER}`)),
      errors: [{ messageId: 'noMethod', data: { element: 'EncryptedAssertion', part: 'EncryptedData' }, line: 6, column: 28 }],
    },
    {
      name: 'an EncryptedKey without EncryptionMethod (python3-saml encrypted_nameID_without_EncMethod)',
      input: encryptedId(encryptedElement('EncryptedID', `${DATA_METHOD}${DS_KEYINFO(ENCRYPTED_KEY.replace(KEY_METHOD, ''))}${CIPHER}`)),
      errors: [{ messageId: 'noMethod', data: { element: 'EncryptedID', part: 'EncryptedKey' } }],
    },
    {
      name: 'no KeyInfo and no EncryptedKey (python3-saml encrypted_nameID_without_keyinfo)',
      input: encryptedId(encryptedElement('EncryptedID', `${DATA_METHOD}${CIPHER}`)),
      errors: [{ messageId: 'noKey', data: { element: 'EncryptedID' } }],
    },
    {
      name: 'no CipherData',
      input: encryptedId(encryptedElement('EncryptedID', `${DATA_METHOD}${DS_KEYINFO(ENCRYPTED_KEY)}`)),
      errors: [{ messageId: 'noCipherData', data: { part: 'EncryptedData' } }],
    },
    {
      name: 'no EncryptedData at all',
      input: encryptedId('<saml:EncryptedID/>'),
      errors: [{ messageId: 'noEncryptedData', data: { element: 'EncryptedID' } }],
    },
    {
      name: 'an EncryptedAttribute, generic profile',
      input: buildResponse({ assertionExtra: `<saml:AttributeStatement>${encryptedElement('EncryptedAttribute', CIPHER)}</saml:AttributeStatement>` }),
      options: { profile: 'generic' },
      errors: [{ messageId: 'noMethod' }, { messageId: 'noKey' }],
    },
  ],
});
