import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { buildResponse, type ResponseOptions } from '../../../../test-vectors/lib/response.mjs';

const keys = new URL('../../../../test-vectors/keys/', import.meta.url);
export const SP_KEY = readFileSync(new URL('sp.key', keys), 'utf8');
export const SP_CERT = readFileSync(new URL('sp.crt', keys), 'utf8');
/** Another RSA key pair of the same size (the test IdP's). */
export const OTHER_KEY = readFileSync(new URL('idp.key', keys), 'utf8');
export const OTHER_CERT = readFileSync(new URL('idp.crt', keys), 'utf8');
export const PROVIDER_ACS = 'https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSPA1B2C3D4E5F6G7H8J9K0';

const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const XENC11 = 'http://www.w3.org/2009/xmlenc11#';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

const CONTENT = {
  'tripledes-cbc': { uri: `${XENC}tripledes-cbc`, cipher: 'des-ede3-cbc', keyBytes: 24, ivBytes: 8 },
  'aes128-cbc': { uri: `${XENC}aes128-cbc`, cipher: 'aes-128-cbc', keyBytes: 16, ivBytes: 16 },
  'aes192-cbc': { uri: `${XENC}aes192-cbc`, cipher: 'aes-192-cbc', keyBytes: 24, ivBytes: 16 },
  'aes256-cbc': { uri: `${XENC}aes256-cbc`, cipher: 'aes-256-cbc', keyBytes: 32, ivBytes: 16 },
  'aes128-gcm': { uri: `${XENC11}aes128-gcm`, cipher: 'aes-128-gcm', keyBytes: 16, ivBytes: 12 },
  'aes192-gcm': { uri: `${XENC11}aes192-gcm`, cipher: 'aes-192-gcm', keyBytes: 24, ivBytes: 12 },
  'aes256-gcm': { uri: `${XENC11}aes256-gcm`, cipher: 'aes-256-gcm', keyBytes: 32, ivBytes: 12 },
} as const;

const DIGEST_URIS = { sha1: `${DS}sha1`, sha256: `${XENC}sha256`, sha384: 'http://www.w3.org/2001/04/xmldsig-more#sha384', sha512: `${XENC}sha512` } as const;
type Hash = keyof typeof DIGEST_URIS;

export interface Encryption {
  content?: keyof typeof CONTENT;
  transport?: 'rsa-oaep-mgf1p' | 'rsa-oaep' | 'rsa-1_5';
  /** OAEP's DigestMethod, written only when given (SHA-1 otherwise). */
  digest?: Hash;
  /** xenc11 rsa-oaep's MGF, written only when given (MGF1 with SHA-1 otherwise). */
  mask?: Hash;
  /** Where the EncryptedKey goes: the EncryptedData's KeyInfo, beside it named by a RetrievalMethod, or beside it unnamed. */
  placement?: 'inline' | 'retrieval' | 'beside';
  /** The certificate the content key is encrypted to (the SP's). */
  to?: string;
  /** Name that certificate in the EncryptedKey's KeyInfo, as ADFS and Shibboleth do. */
  certificateInKeyInfo?: boolean;
}

/** The content key, encrypted to the certificate with the key transport `encryption` names. */
function wrapKey(contentKey: Buffer, { transport = 'rsa-oaep-mgf1p', digest = 'sha1', mask = 'sha1', to = SP_CERT }: Encryption): Buffer {
  if (transport === 'rsa-1_5') return publicEncrypt({ key: to, padding: constants.RSA_PKCS1_PADDING }, contentKey);
  // rsa-oaep-mgf1p's MGF1 is SHA-1 whatever its DigestMethod (XML Encryption 1.1 §5.5.2).
  const mgf = transport === 'rsa-oaep-mgf1p' ? 'sha1' : mask;
  if (digest === mgf) return publicEncrypt({ key: to, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: digest }, contentKey);
  // Node's OAEP takes one hash for both: node-forge encrypts with two.
  const publicKey = forge.pki.certificateFromPem(to).publicKey as forge.pki.rsa.PublicKey;
  const encrypted = publicKey.encrypt(contentKey.toString('binary'), 'RSA-OAEP', { md: forge.md[digest].create(), mgf1: { md: forge.md[mgf].create() } });
  return Buffer.from(encrypted, 'binary');
}

/** XML Encryption's CBC padding: arbitrary bytes, then the count (§5.2), here random as xmlsec1 writes them. */
function padded(plaintext: Buffer, block: number): Buffer {
  const count = block - (plaintext.length % block);
  return Buffer.concat([plaintext, randomBytes(count - 1), Buffer.from([count])]);
}

/** IV, cipher text and, for GCM, the tag, as XML Encryption lays them out in a CipherValue. */
function encryptContent(plaintext: string | Buffer, contentKey: Buffer, content: (typeof CONTENT)[keyof typeof CONTENT]): Buffer {
  const iv = randomBytes(content.ivBytes);
  if (content.cipher === 'aes-128-gcm' || content.cipher === 'aes-192-gcm' || content.cipher === 'aes-256-gcm') {
    const cipher = createCipheriv(content.cipher, contentKey, iv);
    const body = Buffer.concat([cipher.update(Buffer.from(plaintext)), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  }
  const cipher = createCipheriv(content.cipher, contentKey, iv).setAutoPadding(false);
  return Buffer.concat([iv, cipher.update(padded(Buffer.from(plaintext), content.ivBytes)), cipher.final()]);
}

const cipherData = (bytes: Buffer) => `<xenc:CipherData><xenc:CipherValue>${bytes.toString('base64')}</xenc:CipherValue></xenc:CipherData>`;

/** The content of a `saml:EncryptedAssertion` holding `plaintext`, encrypted as `encryption` says. */
export function encryptXml(plaintext: string | Buffer, encryption: Encryption = {}): string {
  const { content = 'aes256-cbc', transport = 'rsa-oaep-mgf1p', digest, mask, placement = 'inline', to = SP_CERT } = encryption;
  const spec = CONTENT[content];
  const contentKey = randomBytes(spec.keyBytes);
  const transportUri = transport === 'rsa-oaep' ? `${XENC11}rsa-oaep` : `${XENC}${transport}`;
  const parameters =
    (digest ? `<ds:DigestMethod xmlns:ds="${DS}" Algorithm="${DIGEST_URIS[digest]}"/>` : '') +
    (mask ? `<xenc11:MGF xmlns:xenc11="${XENC11}" Algorithm="${XENC11}mgf1${mask}"/>` : '');
  const certificate = to.replace(/-----[^-]+-----|\s/g, '');
  const keyInfo = encryption.certificateInKeyInfo ? `<ds:KeyInfo xmlns:ds="${DS}"><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` : '';
  const id = placement === 'retrieval' ? ' Id="_ek1"' : '';
  const encryptedKey =
    `<xenc:EncryptedKey xmlns:xenc="${XENC}"${id}><xenc:EncryptionMethod Algorithm="${transportUri}">${parameters}</xenc:EncryptionMethod>` +
    `${keyInfo}${cipherData(wrapKey(contentKey, encryption))}</xenc:EncryptedKey>`;
  const dataKeyInfo =
    placement === 'inline'
      ? `<ds:KeyInfo xmlns:ds="${DS}">${encryptedKey}</ds:KeyInfo>`
      : placement === 'retrieval'
        ? `<ds:KeyInfo xmlns:ds="${DS}"><ds:RetrievalMethod Type="${XENC}EncryptedKey" URI="#_ek1"/></ds:KeyInfo>`
        : '';
  const data =
    `<xenc:EncryptedData xmlns:xenc="${XENC}" Type="${XENC}Element"><xenc:EncryptionMethod Algorithm="${spec.uri}"/>` +
    `${dataKeyInfo}${cipherData(encryptContent(plaintext, contentKey, spec))}</xenc:EncryptedData>`;
  return placement === 'inline' ? data : `${data}${encryptedKey}`;
}

/** The Assertion of a built response, and the response with `replacement` in its place. */
export function splitAssertion(xml: string): { assertion: string; replace: (replacement: string) => string } {
  const assertion = /<saml:Assertion\b[\s\S]*<\/saml:Assertion>/.exec(xml)?.[0] ?? '';
  return { assertion, replace: (replacement) => xml.replace(assertion, replacement) };
}

/**
 * A response whose Assertion is replaced by an EncryptedAssertion, for unit tests only (encrypted here
 * with node:crypto, and node-forge where Node cannot; the committed vectors are encrypted by xmlsec1).
 */
export async function encryptedResponse(options: ResponseOptions = {}, encryption: Encryption = {}): Promise<string> {
  const { assertion, replace } = splitAssertion(buildResponse(options));
  return replace(`<saml:EncryptedAssertion>${encryptXml(assertion, encryption)}</saml:EncryptedAssertion>`);
}
