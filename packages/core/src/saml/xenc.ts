// XML Encryption as SAML uses it: the algorithms samlint decrypts, read from an encrypted element's
// structure (XML Encryption 1.1 §5; SAML core §2.2.4 and §6).
import type { AlgorithmRole, ContentCipher } from '../model/decryption.js';
import type { HashName } from '../sig/crypto.js';
import { DIGESTS } from '../sig/signatures.js';
import { NS, attribute, childElements, firstChild } from '../xml/dom.js';

const XENC = NS.xenc;
export const XENC11 = 'http://www.w3.org/2009/xmlenc11#';

/** AES-GCM's authentication tag follows the cipher text: 128 bits (§5.2.4). */
export const GCM_TAG_BYTES = 16;

export const CONTENT_CIPHERS: Readonly<Record<string, ContentCipher>> = {
  [`${XENC}tripledes-cbc`]: { name: 'des-ede3-cbc', mode: 'cbc', keyBytes: 24, ivBytes: 8 },
  [`${XENC}aes128-cbc`]: { name: 'aes-128-cbc', mode: 'cbc', keyBytes: 16, ivBytes: 16 },
  [`${XENC}aes192-cbc`]: { name: 'aes-192-cbc', mode: 'cbc', keyBytes: 24, ivBytes: 16 },
  [`${XENC}aes256-cbc`]: { name: 'aes-256-cbc', mode: 'cbc', keyBytes: 32, ivBytes: 16 },
  [`${XENC11}aes128-gcm`]: { name: 'aes-128-gcm', mode: 'gcm', keyBytes: 16, ivBytes: 12 },
  [`${XENC11}aes192-gcm`]: { name: 'aes-192-gcm', mode: 'gcm', keyBytes: 24, ivBytes: 12 },
  [`${XENC11}aes256-gcm`]: { name: 'aes-256-gcm', mode: 'gcm', keyBytes: 32, ivBytes: 12 },
};

/** RSA PKCS#1 v1.5 key transport (§5.5.1): "NOT RECOMMENDED due to security risks". */
export const RSA_1_5 = `${XENC}rsa-1_5`;
/** RSA-OAEP whose mask generation is always MGF1 with SHA-1 (§5.5.2). */
const RSA_OAEP_MGF1P = `${XENC}rsa-oaep-mgf1p`;
/** RSA-OAEP with a mask generation function of its own (`xenc11:MGF`, §5.5.2). */
const RSA_OAEP = `${XENC11}rsa-oaep`;

/** How the content key is encrypted to the SP's RSA key. */
export type KeyTransport = { padding: 'pkcs1' } | { padding: 'oaep'; digest: HashName; mask: HashName; label?: Uint8Array };

const MASKS: Readonly<Record<string, HashName>> = {
  [`${XENC11}mgf1sha1`]: 'sha1',
  [`${XENC11}mgf1sha224`]: 'sha224',
  [`${XENC11}mgf1sha256`]: 'sha256',
  [`${XENC11}mgf1sha384`]: 'sha384',
  [`${XENC11}mgf1sha512`]: 'sha512',
};


/** An algorithm samlint does not decrypt with, and the element that names it. */
export interface UnsupportedAlgorithm {
  role: AlgorithmRole;
  algorithm: string;
  method: Element;
}

/**
 * The key transport an EncryptedKey's EncryptionMethod names, with its OAEP parameters (DigestMethod,
 * MGF and OAEPparams default to SHA-1, MGF1 with SHA-1 and an empty label), or what samlint cannot use.
 */
export function keyTransportOf(method: Element): KeyTransport | UnsupportedAlgorithm {
  const algorithm = attribute(method, 'Algorithm') ?? '';
  if (algorithm === RSA_1_5) return { padding: 'pkcs1' };
  if (algorithm !== RSA_OAEP_MGF1P && algorithm !== RSA_OAEP) return { role: 'key transport', algorithm, method };
  const digestMethod = firstChild(method, NS.ds, 'DigestMethod');
  const digestUri = digestMethod && (attribute(digestMethod, 'Algorithm') ?? '');
  const digest = digestUri === undefined ? 'sha1' : DIGESTS[digestUri];
  if (!digest) return { role: 'OAEP digest', algorithm: digestUri ?? '', method: digestMethod ?? method };
  // rsa-oaep-mgf1p fixes MGF1 to SHA-1 whatever its DigestMethod says; only xenc11#rsa-oaep carries an MGF.
  const mgf = algorithm === RSA_OAEP ? firstChild(method, XENC11, 'MGF') : undefined;
  const maskUri = mgf && (attribute(mgf, 'Algorithm') ?? '');
  const mask = maskUri === undefined ? 'sha1' : MASKS[maskUri];
  if (!mask) return { role: 'OAEP mask generation', algorithm: maskUri ?? '', method: mgf ?? method };
  const params = firstChild(method, XENC, 'OAEPparams');
  const label = params ? base64Bytes(params.textContent ?? '') : undefined;
  return label && label.length ? { padding: 'oaep', digest, mask, label } : { padding: 'oaep', digest, mask };
}

const ENCRYPTED_KEY_TYPE = `${XENC}EncryptedKey`;

/** The EncryptedKeys that may carry the content key of `data`, the EncryptedData of `encrypted`. */
export interface KeyCandidates {
  /**
   * In the order to try them: those inside the EncryptedData's KeyInfo (ADFS, Okta, Entra ID, xmlsec1),
   * those its RetrievalMethods name by `Id`, then any other beside the EncryptedData (SAML core §2.2.4:
   * OpenSAML's "peer" placement).
   */
  keys: Element[];
  /** RetrievalMethods whose `#Id` names no EncryptedKey beside the EncryptedData. */
  unresolved: Element[];
}

/**
 * A RetrievalMethod is followed only to an EncryptedKey beside the EncryptedData, never elsewhere in
 * the response: SAML places the keys there, and nothing else can then stand in for one.
 */
export function keyCandidates(encrypted: Element, data: Element): KeyCandidates {
  const keyInfo = firstChild(data, NS.ds, 'KeyInfo');
  const inline = keyInfo ? childElements(keyInfo, XENC, 'EncryptedKey') : [];
  const beside = childElements(encrypted, XENC, 'EncryptedKey');
  const named: Element[] = [];
  const unresolved: Element[] = [];
  for (const method of keyInfo ? childElements(keyInfo, NS.ds, 'RetrievalMethod') : []) {
    const type = attribute(method, 'Type');
    if (type !== undefined && type !== ENCRYPTED_KEY_TYPE) continue;
    const uri = attribute(method, 'URI') ?? '';
    const target = uri.startsWith('#') ? beside.find((key) => attribute(key, 'Id') === uri.slice(1)) : undefined;
    if (target) named.push(target);
    else unresolved.push(method);
  }
  return { keys: [...new Set([...inline, ...named, ...beside])], unresolved };
}

/** The bytes of base64 text (whitespace ignored, padding required); undefined when it is not base64. */
export function base64Bytes(text: string): Uint8Array | undefined {
  const compact = text.replace(/[\t\n\r ]+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}
