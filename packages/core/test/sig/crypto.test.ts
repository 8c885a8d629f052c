import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateFromBase64 } from '../../src/sig/certificates.js';
import { lint } from '../../src/index.js';
import { nodeCrypto, type SignatureScheme } from '../../src/sig/crypto.js';
import { vector } from '../sig-fixtures.js';

const RSA_SHA256: SignatureScheme = { hash: 'sha256', key: 'rsa' };

function certificate(name: string) {
  const base64 = vector(`keys/${name}.crt`).replace(/-----[A-Z ]+-----/g, '');
  const read = certificateFromBase64(base64, 'test');
  if (!read.ok) throw new Error(`keys/${name}.crt does not read`);
  return read.certificate;
}

describe('nodeCrypto.verify', () => {
  const idp = certificate('idp');
  const signedInfo = '<ds:SignedInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">one</ds:SignedInfo>';
  const signature = new Uint8Array(sign('sha256', Buffer.from(signedInfo), vector('keys/idp.key')));

  it('gives the same verdict when asked again, as an editor asks at each keystroke', () => {
    expect(nodeCrypto.verify(RSA_SHA256, idp, signedInfo, signature)).toBe(true);
    expect(nodeCrypto.verify(RSA_SHA256, idp, signedInfo, signature)).toBe(true);
  });

  it('gives no remembered verdict to another text, signature, scheme or certificate', () => {
    expect(nodeCrypto.verify(RSA_SHA256, idp, signedInfo, signature)).toBe(true);
    expect(nodeCrypto.verify(RSA_SHA256, idp, signedInfo.replace('one', 'two'), signature)).toBe(false);
    const flipped = signature.slice();
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    expect(nodeCrypto.verify(RSA_SHA256, idp, signedInfo, flipped)).toBe(false);
    expect(nodeCrypto.verify({ hash: 'sha1', key: 'rsa' }, idp, signedInfo, signature)).toBe(false);
    expect(nodeCrypto.verify(RSA_SHA256, certificate('rotated'), signedInfo, signature)).toBe(false);
  });

  it('still verifies a text it was asked about before, after many others', () => {
    for (let i = 0; i < 20; i++) nodeCrypto.verify(RSA_SHA256, idp, `${signedInfo}${i}`, signature);
    expect(nodeCrypto.verify(RSA_SHA256, idp, signedInfo, signature)).toBe(true);
  });
});

describe('a verdict kept from a genuine response', () => {
  const options = { certificates: [vector('keys/idp.crt')], now: new Date('2026-11-27T09:00:30Z') };
  const sigErrors = (file: string) =>
    lint(vector(file), options)
      .findings.filter((f) => f.code.startsWith('SIG') && f.severity === 'error')
      .map((f) => f.code);

  it('is not given to a forgery that reuses its SignatureValue over another SignedInfo', () => {
    // The genuine Assertion signature's value stands in the forgery (test-vectors/cases/sig.mjs).
    const signatureValue = /<ds:SignatureValue>([^<]*)</.exec(vector('sig/signature-value-reused.xml'))?.[1];
    expect(vector('clean/clean-signed-both.xml')).toContain(signatureValue);
    expect(sigErrors('clean/clean-signed-both.xml')).toEqual([]);
    expect(sigErrors('sig/signature-value-reused.xml')).toEqual(['SIG005']);
  });
});
