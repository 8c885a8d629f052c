import { describe, expect, it } from 'vitest';
import { toSoapEnvelope } from '../../../../test-vectors/lib/captures.mjs';
import { AWS, RELAY_STATE, buildResponse, toBase64, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { decodeForDisplay, lint } from '../../src/index.js';
import { parseXml } from '../../src/xml/parse.js';
import { describeEnvelope, readSoapEnvelope } from '../../src/saml/soap.js';
import { SIGNED_BOTH, trusting } from '../sig-fixtures.js';

const NOW = new Date('2026-11-27T09:00:30Z');
const ENVELOPE = toSoapEnvelope(SIGNED_BOTH);
const rootOf = (xml: string) => {
  const root = parseXml(xml).doc?.root;
  if (!root) throw new Error('not parsed');
  return root;
};

describe('SOAP envelopes around a Response (ECP)', () => {
  it('finds the Response in the Body and the ECP header blocks', () => {
    const envelope = readSoapEnvelope(rootOf(ENVELOPE));
    expect(envelope).toMatchObject({ version: '1.1', ecp: true });
    expect(envelope?.payload?.localName).toBe('Response');
    expect(envelope && describeEnvelope(envelope)).toBe('SOAP 1.1 envelope (ECP)');
    const plain = readSoapEnvelope(rootOf('<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>'));
    expect(plain && describeEnvelope(plain)).toBe('SOAP 1.2 envelope');
    expect(plain?.payload).toBeUndefined();
    expect(readSoapEnvelope(rootOf(SIGNED_BOTH))).toBeUndefined();
    expect(readSoapEnvelope(rootOf('<Envelope xmlns="urn:example"/>'))).toBeUndefined();
  });

  it('lints the Response in the envelope as the Response alone: same findings, signatures verified in the envelope', () => {
    const options = { ...trusting('idp'), now: NOW, relayState: RELAY_STATE };
    const wrapped = lint(ENVELOPE, options);
    const alone = lint(SIGNED_BOTH, options);
    expect(wrapped.detected).toBe('raw XML, SOAP 1.1 envelope (ECP)');
    expect(lint(toBase64(ENVELOPE), options).detected).toBe('base64 SAMLResponse, SOAP 1.1 envelope (ECP)');
    expect(wrapped.signatures).toBe(alone.signatures);
    expect(wrapped.signatures).toMatch(/^Response and Assertion signed, verified/);
    expect(wrapped.findings.map((f) => f.code)).toEqual(alone.findings.map((f) => f.code));
    expect(wrapped.issuer).toBe(alone.issuer);
  });

  it('verifies the signatures inside the envelope: an edited RoleSessionName breaks a digest (SIG004)', () => {
    const tampered = ENVELOPE.replace('>jane.doe@example.com<', '>admin@example.com<');
    expect(tampered).not.toBe(ENVELOPE);
    const codes = lint(tampered, { ...trusting('idp'), now: NOW }).findings.map((f) => f.code);
    expect(codes).toContain('SIG004');
  });

  it('masks the Response’s personal values when it decodes an envelope with --redact', () => {
    // Not an email, so only reading the Response's attributes can tell it is the RoleSessionName.
    const response = buildResponse({ attributes: withAttributes({ [AWS.roleSessionName]: ['jdoe42'] }) });
    const decoded = decodeForDisplay(toSoapEnvelope(response), { redact: true });
    expect(decoded.xml).toContain('soap11:Envelope');
    expect(decoded.xml).not.toContain('jdoe42');
  });
});
