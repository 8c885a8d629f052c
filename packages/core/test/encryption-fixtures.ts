// Encrypted SAML elements for the tests of SAML025 and SAML026; the cipher values are placeholders.
const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

export const DATA_METHOD = '<xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>';
export const KEY_METHOD = '<xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#rsa-oaep"/>';
const CIPHER = '<xenc:CipherData><xenc:CipherValue>cGxhY2Vob2xkZXI=</xenc:CipherValue></xenc:CipherData>';

export const ENCRYPTED_KEY = `<xenc:EncryptedKey xmlns:xenc="${XENC}">${KEY_METHOD}${CIPHER}</xenc:EncryptedKey>`;

/** `<saml:{element}>` around an EncryptedData whose key sits in its KeyInfo; `inside` replaces the EncryptedData's content. */
export function encryptedElement(element: string, inside = `${DATA_METHOD}<ds:KeyInfo xmlns:ds="${DS}">${ENCRYPTED_KEY}</ds:KeyInfo>${CIPHER}`, after = ''): string {
  return `<saml:${element}><xenc:EncryptedData xmlns:xenc="${XENC}" Type="${XENC}Element">${inside}</xenc:EncryptedData>${after}</saml:${element}>`;
}

export { CIPHER };
