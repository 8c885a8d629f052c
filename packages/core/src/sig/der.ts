// A small DER reader: just enough of X.509 (RFC 5280 §4.1) to list a certificate's extensions, which
// node:crypto's X509Certificate does not expose. Every read is checked against the bounds of its
// enclosing value, lengths over 4 bytes are refused, and the walk has a fixed depth: hostile bytes give
// `undefined`, never an exception or a long loop.

interface Tlv {
  tag: number;
  /** Offsets of the value inside the whole buffer: `[start, end)`. */
  start: number;
  end: number;
}

const SEQUENCE = 0x30;
const OBJECT_IDENTIFIER = 0x06;
/** `[3] EXPLICIT Extensions`, the last field of a v3 TBSCertificate. */
const EXTENSIONS = 0xa3;

/** The TLV at `offset`, when it lies wholly before `limit`; undefined for anything DER does not allow. */
function readTlv(bytes: Uint8Array, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = bytes[offset] as number;
  // High tag numbers (0x1f) never occur in the X.509 fields read here.
  if ((tag & 0x1f) === 0x1f) return undefined;
  let length = bytes[offset + 1] as number;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids; over 4 bytes no certificate needs.
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + i] as number);
    start += count;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The TLVs that make up a constructed value, in order; undefined when one of them overruns it. */
function children(bytes: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const found: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = readTlv(bytes, offset, parent.end);
    if (!child) return undefined;
    found.push(child);
    offset = child.end;
  }
  return found;
}

/** An OBJECT IDENTIFIER's value in dotted form (X.690 §8.19); undefined when its encoding is broken. */
function dottedOid(bytes: Uint8Array, value: Tlv): string | undefined {
  if (value.end === value.start || value.end - value.start > 64) return undefined;
  const arcs: number[] = [];
  let arc = 0;
  for (let i = value.start; i < value.end; i++) {
    const byte = bytes[i] as number;
    if (arc > (Number.MAX_SAFE_INTEGER - 127) / 128) return undefined;
    arc = arc * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    arcs.push(arc);
    arc = 0;
  }
  // Each arc ends on a byte with its top bit clear: a value that ends inside an arc is truncated.
  if (((bytes[value.end - 1] as number) & 0x80) !== 0) return undefined;
  const first = arcs.shift() as number;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

/**
 * The extnID of every extension of a DER certificate, in order (repeats kept), or `[]` for a v1
 * certificate; undefined when the bytes are not a certificate this reader can walk.
 */
export function certificateExtensionIds(der: Uint8Array): string[] | undefined {
  const certificate = readTlv(der, 0, der.length);
  if (certificate?.tag !== SEQUENCE) return undefined;
  const tbs = children(der, certificate)?.[0];
  if (tbs?.tag !== SEQUENCE) return undefined;
  const fields = children(der, tbs);
  if (!fields) return undefined;
  const wrapper = fields.find((field) => field.tag === EXTENSIONS);
  if (!wrapper) return [];
  const list = children(der, wrapper);
  if (list?.length !== 1 || list[0]?.tag !== SEQUENCE) return undefined;
  const extensions = children(der, list[0]);
  if (!extensions) return undefined;
  const ids: string[] = [];
  for (const extension of extensions) {
    const id = extension.tag === SEQUENCE ? children(der, extension)?.[0] : undefined;
    const oid = id?.tag === OBJECT_IDENTIFIER ? dottedOid(der, id) : undefined;
    if (oid === undefined) return undefined;
    ids.push(oid);
  }
  return ids;
}

/** Names of the extensions IdP certificates carry, for messages (RFC 5280 §4.2). */
const EXTENSION_NAMES: Record<string, string> = {
  '2.5.29.14': 'subjectKeyIdentifier',
  '2.5.29.15': 'keyUsage',
  '2.5.29.17': 'subjectAltName',
  '2.5.29.18': 'issuerAltName',
  '2.5.29.19': 'basicConstraints',
  '2.5.29.31': 'cRLDistributionPoints',
  '2.5.29.32': 'certificatePolicies',
  '2.5.29.35': 'authorityKeyIdentifier',
  '2.5.29.37': 'extKeyUsage',
  '1.3.6.1.5.5.7.1.1': 'authorityInfoAccess',
  '2.16.840.1.113730.1.1': 'netscapeCertType',
  '2.16.840.1.113730.1.13': 'netscapeComment',
};

/** An extension OID as people know it: `keyUsage (2.5.29.15)`, or the bare OID. */
export function describeExtension(oid: string): string {
  const name = EXTENSION_NAMES[oid];
  return name ? `${name} (${oid})` : oid;
}
