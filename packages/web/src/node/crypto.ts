/*
 * node:crypto in the page: the part of Node's API that @samlint/core calls (certificates, signature
 * verification, decryption), synchronous as core's SignatureCrypto and DecryptionCrypto are, on
 * node-forge (ASN.1, RSA, AES) and the noble libraries (digests, ECDSA). WebCrypto would be
 * asynchronous. Each function does what Node's does for the inputs core gives it, and fails where
 * OpenSSL fails (a signature of the wrong length, a key of another family): docs/decisions/0009.
 */
import forge from 'node-forge';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { Buffer } from 'buffer';

const { asn1, util } = forge;
// Parts of node-forge's API its type declarations leave out.
const fromDer = asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean }) => forge.asn1.Asn1;
const rdnAttributes = (forge.pki as unknown as { RDNAttributesAsArray(rdn: forge.asn1.Asn1): { type: string; name?: string; shortName?: string; value: string }[] }).RDNAttributesAsArray;

export const constants = {
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
} as const;

type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
const HASHES: Record<HashName, (bytes: Uint8Array) => Uint8Array> = { sha1, sha224, sha256, sha384, sha512 };

function hashOf(name: string): (bytes: Uint8Array) => Uint8Array {
  const hash = HASHES[name.toLowerCase().replace('-', '') as HashName];
  if (!hash) throw new Error(`Digest method not supported: ${name}`);
  return hash;
}

/** node-forge takes and gives bytes as "binary" strings, one character per byte. */
const toBinary = (bytes: Uint8Array) => Buffer.from(bytes).toString('binary');
const fromBinary = (text: string) => Buffer.from(text, 'binary');

export function createHash(name: string) {
  const hash = hashOf(name);
  const parts: Uint8Array[] = [];
  const hasher = {
    update(data: string | Uint8Array, encoding?: 'utf8') {
      parts.push(typeof data === 'string' ? Buffer.from(data, encoding ?? 'utf8') : data);
      return hasher;
    },
    digest: () => Buffer.from(hash(Buffer.concat(parts))),
  };
  return hasher;
}

const OID = {
  rsa: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ec: '1.2.840.10045.2.1',
  dsa: '1.2.840.10040.4.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
} as const;

const KEY_TYPES: Record<string, string> = {
  [OID.rsa]: 'rsa',
  [OID.rsaPss]: 'rsa-pss',
  [OID.ec]: 'ec',
  [OID.dsa]: 'dsa',
  [OID.ed25519]: 'ed25519',
  [OID.ed448]: 'ed448',
};

const CURVES = {
  '1.2.840.10045.3.1.7': p256,
  '1.3.132.0.34': p384,
  '1.3.132.0.35': p521,
} as const;

type Asn1 = forge.asn1.Asn1;
const children = (node: Asn1): Asn1[] => (Array.isArray(node.value) ? node.value : []);
const bytesOf = (node: Asn1 | undefined): string => (node && typeof node.value === 'string' ? node.value : '');

function parseDer(der: Uint8Array): Asn1 {
  return fromDer(util.createBuffer(toBinary(der)), { strict: true, parseAllBytes: true, decodeBitStrings: false });
}

/** A public or private key as core uses Node's KeyObject: its type, size, SPKI and JWK. */
export class KeyObject {
  readonly asymmetricKeyDetails: { modulusLength?: number; namedCurve?: string };

  constructor(
    readonly asymmetricKeyType: string,
    private readonly spki: Uint8Array,
    readonly rsa?: { n: forge.jsbn.BigInteger; e: forge.jsbn.BigInteger },
    readonly curve?: (typeof CURVES)[keyof typeof CURVES],
    /** The point of an EC key, uncompressed or compressed. */
    readonly point?: Uint8Array,
    readonly privateRsa?: forge.pki.rsa.PrivateKey,
  ) {
    this.asymmetricKeyDetails = rsa ? { modulusLength: rsa.n.bitLength() } : {};
  }

  export(options: { type?: 'spki'; format: 'der' | 'jwk' }): Buffer & Record<string, string> {
    if (options.format === 'der') return Buffer.from(this.spki) as Buffer & Record<string, string>;
    const key = this.privateRsa;
    if (!key) throw new Error('only an RSA private key exports as JWK here');
    const b64url = (n: forge.jsbn.BigInteger) => {
      const hex = n.toString(16);
      return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    };
    const { n, e, d, p, q, dP, dQ, qInv } = key;
    return { kty: 'RSA', n: b64url(n), e: b64url(e), d: b64url(d), p: b64url(p), q: b64url(q), dp: b64url(dP), dq: b64url(dQ), qi: b64url(qInv) } as never;
  }
}

/** A KeyObject from a SubjectPublicKeyInfo; throws as Node does on one it cannot read. */
function publicKeyFromSpki(spki: Asn1, privateRsa?: forge.pki.rsa.PrivateKey): KeyObject {
  const [algorithm, bits] = children(spki);
  const [oidNode, parameters] = children(algorithm!);
  const oid = asn1.derToOid(util.createBuffer(bytesOf(oidNode)));
  const type = KEY_TYPES[oid];
  if (!type) throw new Error(`unsupported key algorithm ${oid}`);
  const spkiDer = fromBinary(asn1.toDer(spki).getBytes());
  // A BIT STRING's first byte counts its unused bits.
  const key = fromBinary(bytesOf(bits).slice(1));
  if (type === 'rsa' || type === 'rsa-pss') {
    const [n, e] = children(parseDer(key)).map((node) => new forge.jsbn.BigInteger(util.bytesToHex(bytesOf(node)), 16));
    if (!n || !e) throw new Error('not an RSA public key');
    return new KeyObject(type, spkiDer, { n, e }, undefined, undefined, privateRsa);
  }
  if (type === 'ec') {
    const curveOid = asn1.derToOid(util.createBuffer(bytesOf(parameters)));
    const curve = CURVES[curveOid as keyof typeof CURVES];
    if (!curve) throw new Error(`unsupported curve ${curveOid}`);
    curve.Point.fromBytes(key);
    return new KeyObject(type, spkiDer, undefined, curve, key);
  }
  return new KeyObject(type, spkiDer);
}

interface ParsedCertificate {
  der: Uint8Array;
  tbs: Asn1[];
}

function parseCertificate(der: Uint8Array): ParsedCertificate {
  const [tbs] = children(parseDer(der));
  const fields = children(tbs!);
  // The version is an explicit [0] that v1 certificates leave out.
  const tbsFields = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? fields.slice(1) : fields;
  if (tbsFields.length < 6) throw new Error('not an X.509 certificate');
  return { der, tbs: tbsFields };
}

function certificateFromPem(pem: string): ParsedCertificate {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)?.[1];
  if (body === undefined) throw new Error('not a PEM certificate');
  return parseCertificate(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
}

function timeOf(node: Asn1 | undefined): string {
  const text = bytesOf(node);
  const date = node?.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(text) : asn1.generalizedTimeToDate(text);
  return date.toISOString();
}

export class X509Certificate {
  readonly fingerprint256: string;
  readonly subject: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly publicKey: KeyObject;

  constructor(der: Uint8Array) {
    const { tbs } = parseCertificate(der);
    const [, , , validity, subject, spki] = tbs;
    const [notBefore, notAfter] = children(validity!);
    this.validFrom = timeOf(notBefore);
    this.validTo = timeOf(notAfter);
    // Node's form: one `type=value` per line, short names where OpenSSL has one.
    this.subject = rdnAttributes(subject!)
      .map((attribute) => `${attribute.shortName ?? attribute.name ?? attribute.type}=${attribute.value}`)
      .join('\n');
    this.publicKey = publicKeyFromSpki(spki!);
    this.fingerprint256 = Buffer.from(sha256(der))
      .toString('hex')
      .toUpperCase()
      .replace(/(..)(?!$)/g, '$1:');
  }
}

/** A public key from a certificate's PEM, or the public half of a private KeyObject. */
export function createPublicKey(source: string | KeyObject): KeyObject {
  if (source instanceof KeyObject) return source;
  return publicKeyFromSpki(certificateFromPem(source).tbs[5]!);
}

/** Node reads PKCS#1 and unencrypted PKCS#8 keys; only an RSA key decrypts, another still has a type. */
export function createPrivateKey(pem: string): KeyObject {
  const block = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!block) throw new Error('not a PEM private key');
  const [, label, body] = block;
  const der = Buffer.from(body!.replace(/\s+/g, ''), 'base64');
  if (label === 'EC PRIVATE KEY') return new KeyObject('ec', new Uint8Array());
  if (label === 'PRIVATE KEY') {
    const [, algorithm] = children(parseDer(der));
    const oid = asn1.derToOid(util.createBuffer(bytesOf(children(algorithm!)[0])));
    if (oid !== OID.rsa) return new KeyObject(KEY_TYPES[oid] ?? 'unknown', new Uint8Array());
  } else if (label !== 'RSA PRIVATE KEY') {
    throw new Error(`unsupported PEM ${label}`);
  }
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  // Through DER and back: node-forge builds the SPKI's BIT STRING as a child node, not as its bytes.
  const spki = asn1.toDer(forge.pki.publicKeyToAsn1(forge.pki.setRsaPublicKey(key.n, key.e))).getBytes();
  return publicKeyFromSpki(parseDer(fromBinary(spki)), key);
}

/** DigestInfo's DER before the digest (RFC 8017 §9.2, note 1). */
const DIGEST_INFO: Record<HashName, string> = {
  sha1: '3021300906052b0e03021a05000414',
  sha224: '302d300d06096086480165030402040500041c',
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

/** s^e mod n as k bytes, or undefined when the signature is not k bytes or not below n (OpenSSL's checks). */
function rsaPublicOperation(key: { n: forge.jsbn.BigInteger; e: forge.jsbn.BigInteger }, signature: Uint8Array): Buffer | undefined {
  const k = Math.ceil(key.n.bitLength() / 8);
  if (signature.length !== k) return undefined;
  const s = new forge.jsbn.BigInteger(Buffer.from(signature).toString('hex') || '0', 16);
  if (s.compareTo(key.n) >= 0) return undefined;
  const hex = s.modPow(key.e, key.n).toString(16).padStart(k * 2, '0');
  return Buffer.from(hex, 'hex');
}

function verifyPkcs1(hash: HashName, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  const encoded = rsaPublicOperation(key.rsa!, signature);
  if (!encoded) return false;
  const digestInfo = Buffer.concat([Buffer.from(DIGEST_INFO[hash], 'hex'), hashOf(hash)(data)]);
  const padding = encoded.length - digestInfo.length - 3;
  if (padding < 8) return false;
  const expected = Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(padding, 0xff), Buffer.from([0]), digestInfo]);
  return expected.equals(encoded);
}

const FORGE_DIGESTS: Partial<Record<HashName, () => forge.md.MessageDigest>> = {
  sha1: () => forge.md.sha1.create(),
  sha256: () => forge.md.sha256.create(),
  sha384: () => forge.md.sha384.create(),
  sha512: () => forge.md.sha512.create(),
};

function verifyPss(hash: HashName, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  const md = FORGE_DIGESTS[hash];
  if (!md) return false;
  const publicKey = forge.pki.setRsaPublicKey(key.rsa!.n, key.rsa!.e);
  const scheme = forge.pss.create({ md: md(), mgf: forge.mgf.mgf1.create(md()), saltLength: hashOf(hash)(new Uint8Array()).length });
  return publicKey.verify(toBinary(hashOf(hash)(data)), toBinary(signature), scheme);
}

function verifyEcdsa(hash: HashName, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  const curve = key.curve!;
  // IEEE P1363: r || s, each the size of the curve's order.
  if (signature.length !== curve.lengths.signature) return false;
  return curve.verify(signature, hashOf(hash)(data), key.point!, { prehash: false, lowS: false, format: 'compact' });
}

interface VerifyOptions {
  key: KeyObject;
  padding?: number;
  saltLength?: number;
  dsaEncoding?: 'ieee-p1363';
}

export function verify(hash: string, data: Uint8Array, options: VerifyOptions, signature: Uint8Array): boolean {
  const name = hash as HashName;
  hashOf(name);
  const { key } = options;
  if (key.asymmetricKeyType === 'ec') return verifyEcdsa(name, key, data, signature);
  if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'rsa-pss') return false;
  return options.padding === constants.RSA_PKCS1_PSS_PADDING || key.asymmetricKeyType === 'rsa-pss'
    ? verifyPss(name, key, data, signature)
    : verifyPkcs1(name, key, data, signature);
}

interface DecryptOptions {
  key: KeyObject;
  padding: number;
  oaepHash: HashName;
  oaepLabel?: Uint8Array;
}

/** RSA-OAEP decryption with one digest for OAEP and MGF1 (core sends the rest to node-forge itself). */
export function privateDecrypt(options: DecryptOptions, wrapped: Uint8Array): Buffer {
  const md = FORGE_DIGESTS[options.oaepHash];
  if (!md || !options.key.privateRsa) throw new Error('unsupported OAEP digest');
  const label = options.oaepLabel ? { label: toBinary(options.oaepLabel) } : {};
  return fromBinary(options.key.privateRsa.decrypt(toBinary(wrapped), 'RSA-OAEP', { md: md(), mgf1: { md: md() }, ...label }));
}

const CIPHERS: Record<string, { mode: 'AES-CBC' | 'AES-GCM'; keyLength: number }> = {
  'aes-128-cbc': { mode: 'AES-CBC', keyLength: 16 },
  'aes-192-cbc': { mode: 'AES-CBC', keyLength: 24 },
  'aes-256-cbc': { mode: 'AES-CBC', keyLength: 32 },
  'aes-128-gcm': { mode: 'AES-GCM', keyLength: 16 },
  'aes-192-gcm': { mode: 'AES-GCM', keyLength: 24 },
  'aes-256-gcm': { mode: 'AES-GCM', keyLength: 32 },
};

/** A decipher that gives all its output from final(), which throws as Node's does: a bad GCM tag, a partial CBC block. */
export function createDecipheriv(name: string, key: Uint8Array, iv: Uint8Array) {
  const cipher = CIPHERS[name];
  if (!cipher) throw new Error(`Unknown cipher ${name}`);
  if (key.length !== cipher.keyLength) throw new Error('Invalid key length');
  if (cipher.mode === 'AES-CBC' && iv.length !== 16) throw new Error('Invalid initialization vector');
  let tag: Uint8Array | undefined;
  const input: Uint8Array[] = [];
  const decipher = {
    setAutoPadding: () => decipher,
    setAuthTag(value: Uint8Array) {
      tag = value;
      return decipher;
    },
    update(data: Uint8Array) {
      input.push(data);
      return Buffer.alloc(0);
    },
    final(): Buffer {
      const data = Buffer.concat(input);
      if (cipher.mode === 'AES-CBC' && data.length % 16 !== 0) throw new Error('wrong final block length');
      if (cipher.mode === 'AES-GCM' && !tag) throw new Error('Unsupported state or unable to authenticate data');
      const forgeDecipher = forge.cipher.createDecipher(cipher.mode, toBinary(key));
      forgeDecipher.start(tag ? { iv: toBinary(iv), tag: util.createBuffer(toBinary(tag)), tagLength: tag.length * 8 } : { iv: toBinary(iv) });
      forgeDecipher.update(util.createBuffer(toBinary(data)));
      // CBC: no unpadding; XML Encryption's padding is left to core, as setAutoPadding(false) does.
      const ok = cipher.mode === 'AES-CBC' ? (forgeDecipher.finish as (unpad: () => boolean) => boolean)(() => true) : forgeDecipher.finish();
      if (!ok) throw new Error('Unsupported state or unable to authenticate data');
      return fromBinary(forgeDecipher.output.getBytes());
    },
  };
  return decipher;
}
