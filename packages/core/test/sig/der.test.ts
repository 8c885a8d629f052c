import { X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateExtensionIds, describeExtension } from '../../src/sig/der.js';
import { certificate, vector } from '../sig-fixtures.js';

const der = (pem: string) => new Uint8Array(new X509Certificate(pem).raw);

describe('certificateExtensionIds', () => {
  it('lists no extension for a v1 certificate', () => {
    expect(certificateExtensionIds(der(certificate('idp')))).toEqual([]);
  });

  it('lists each extension in order, repeats kept (openssl-made, keyUsage twice)', () => {
    expect(certificateExtensionIds(der(vector('keys/repeated-extension.crt')))).toEqual(['2.5.29.19', '2.5.29.15', '2.5.29.15']);
  });

  it('lists the extensions of a CA-issued IdP certificate as openssl asn1parse does', () => {
    // OneLogin's IdP certificate from the python3-saml corpus: basicConstraints, SKI, AKI, keyUsage.
    const metadata = vector('conformance/python3-saml/metadata/idp_metadata.xml');
    const base64 = (/<ds:X509Certificate>([^<]*)/.exec(metadata)?.[1] ?? '').replace(/\s+/g, '');
    expect(certificateExtensionIds(new Uint8Array(Buffer.from(base64, 'base64')))).toEqual(['2.5.29.19', '2.5.29.14', '2.5.29.35', '2.5.29.15']);
  });

  it('gives undefined for a truncated certificate or other bytes', () => {
    const bytes = der(vector('keys/repeated-extension.crt'));
    expect(certificateExtensionIds(bytes.slice(0, bytes.length - 300))).toBeUndefined();
    expect(certificateExtensionIds(new Uint8Array([0x30, 0x80, 0x00, 0x00]))).toBeUndefined();
    expect(certificateExtensionIds(new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]))).toBeUndefined();
    expect(certificateExtensionIds(new Uint8Array())).toBeUndefined();
  });

  it('never throws on arbitrary bytes, nor on a certificate with bytes flipped', () => {
    const bytes = der(vector('keys/repeated-extension.crt'));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (random) => {
        const result = certificateExtensionIds(random);
        expect(result === undefined || Array.isArray(result)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const copy = bytes.slice();
        copy[at] = value;
        const result = certificateExtensionIds(copy);
        expect(result === undefined || result.every((id) => /^\d+(\.\d+)+$/.test(id))).toBe(true);
      }),
    );
  });

  it('names known extensions and leaves others as OIDs', () => {
    expect(describeExtension('2.5.29.15')).toBe('keyUsage (2.5.29.15)');
    expect(describeExtension('1.2.3.4')).toBe('1.2.3.4');
  });
});
