import { describe, expect, it } from 'vitest';
import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { decodeCapture } from '../../src/capture/decode.js';
import { IN003 } from '../../src/rules/in/IN003-response-truncated.js';
import { ruleTester } from '../rule-tester.js';

const xml = buildResponse();
const base64 = toBase64(xml);
// Cut on a multiple of four so only the XML, not the base64 length, shows the truncation.
const cutAtQuad = base64.slice(0, Math.floor((base64.length * 0.6) / 4) * 4);
// A complete response whose base64 needs padding, with its `=` stripped (Okta Identity Engine posts these).
const needsPadding = toBase64(xml.length % 3 === 0 ? `${xml}\n` : xml);
const unpadded = needsPadding.replace(/=+$/, '');
// Cut so that the length is 4k+2 or 4k+3: a valid unpadded length, yet the document is cut.
const cutUnpadded = base64.slice(0, Math.floor((base64.length * 0.6) / 4) * 4 + 2);
// Cut after text that holds the root's end tag, though not as the root's: where the root ends is read
// from the document's structure, never searched for in its text.
const SAMLP = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"';
const cutAfterNested = `<samlp:Response ${SAMLP} ID="_r1"><samlp:Extensions><samlp:Response ID="_inner"></samlp:Response>\n</samlp:Extensions>`;
const cutAfterComment = `<samlp:Response ${SAMLP} ID="_r1"><!-- </samlp:Response> --><samlp:Status>`;
const cutAfterCdata = `<samlp:Response ${SAMLP} ID="_r1"><samlp:Extensions><![CDATA[</samlp:Response>]]></samlp:Extensions>`;

ruleTester(IN003, {
  valid: [
    { name: 'a whole response', input: base64 },
    { name: 'a whole response with trailing newline', input: `${base64}\n` },
    { name: 'a whole response without its `=` padding', input: unpadded },
    { name: 'a whole response without padding in a form body', input: `SAMLResponse=${encodeURIComponent(unpadded)}&RelayState=x` },
    { name: 'a whole response holding a nested element of its own name', input: toBase64(`${cutAfterNested}</samlp:Response>`) },
    { name: 'a self-closing root without padding', input: toBase64('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1"/>').replace(/=+$/, '') },
  ],
  invalid: [
    { name: 'cut to an odd length', input: base64.slice(0, 1001), errors: [{ messageId: 'length', data: { length: 1001 } }] },
    { name: 'cut on a quad boundary', input: cutAtQuad, errors: [{ messageId: 'xmlIncomplete' }] },
    { name: 'cut to a length a complete unpadded value could have', input: cutUnpadded, errors: [{ messageId: 'xmlIncomplete' }] },
    { name: 'padding on a length that is not a multiple of 4', input: `${base64.slice(0, 1001)}=`, errors: [{ messageId: 'paddedLength', data: { length: 1002 } }] },
    { name: 'cut after a nested element of the root’s name', input: toBase64(cutAfterNested), errors: [{ messageId: 'xmlIncomplete' }] },
    { name: 'cut after a comment that holds the root’s end tag', input: toBase64(cutAfterComment), errors: [{ messageId: 'xmlIncomplete' }] },
    { name: 'cut after CDATA that holds the root’s end tag', input: toBase64(cutAfterCdata), errors: [{ messageId: 'xmlIncomplete' }] },
    { name: 'cut inside an end tag whose name is cut too', input: toBase64(xml.slice(0, xml.lastIndexOf('</samlp:Response>') + 8)), errors: [{ messageId: 'xmlIncomplete' }] },
    { name: 'cut just after an inner end tag', input: toBase64(xml.slice(0, xml.indexOf('</saml:Issuer>') + '</saml:Issuer>'.length)), errors: [{ messageId: 'xmlIncomplete' }] },
  ],
});

describe('IN003 and padding', () => {
  it('says on the detected line that a complete value has no padding', () => {
    expect(unpadded.length % 4).not.toBe(0);
    expect(decodeCapture(unpadded).description).toBe('base64 SAMLResponse (no `=` padding)');
    expect(decodeCapture(needsPadding).description).toBe('base64 SAMLResponse');
  });
});
