import { describe, expect, it } from 'vitest';
import { buildResponse, toBase64 } from '../../../../test-vectors/lib/response.mjs';
import { decodeCapture } from '../../src/capture/decode.js';
import { lint } from '../../src/index.js';
import { IN017 } from '../../src/rules/in/IN017-responses-back-to-back.js';
import { ruleTester } from '../rule-tester.js';
import { SIGNED_BOTH } from '../sig-fixtures.js';

const first = buildResponse();
const second = buildResponse({ responseId: '_r2', assertionId: '_a2', nameId: 'someone.else@example.com' });
// Entra ID posts no XML declaration; the test IdP's responses carry one, which may come again between them.
const bare = (xml: string) => xml.replace(/^<\?xml[^>]*\?>\s*/, '');
const field = (value: string) => `SAMLResponse=${encodeURIComponent(value)}&RelayState=x`;
// A first Response that holds an element of its own name, and one whose comment holds its end tag: only
// the document's structure tells where it ends.
const SAMLP = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"';
const nesting = `<samlp:Response ${SAMLP} ID="_r1"><samlp:Extensions><samlp:Response ID="_inner"></samlp:Response></samlp:Extensions></samlp:Response>`;
const commenting = `<samlp:Response ${SAMLP} ID="_r1"><!-- </samlp:Response> --><samlp:Status/></samlp:Response>`;

ruleTester(IN017, {
  valid: [
    { name: 'one response', input: toBase64(first) },
    { name: 'one response with a comment after it', input: toBase64(`${first}<!-- served by idp-2 -->\n`) },
    { name: 'one response, then another root element', input: toBase64(`${bare(first)}<html><body>error</body></html>`) },
    { name: 'raw XML is linted as given (XML001)', input: `${bare(first)}${bare(second)}` },
    { name: 'an Assertion twice is no pair of Responses', input: toBase64('<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a"/><saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_b"/>') },
  ],
  invalid: [
    { name: 'two responses without declarations', input: toBase64(`${bare(first)}${bare(second)}`), errors: [{ messageId: 'backToBack', data: { count: 'two' } }] },
    { name: 'two whole documents, each with its declaration', input: toBase64(`${first}${second}`), errors: [{ messageId: 'backToBack', data: { count: 'two' } }] },
    { name: 'three, separated by newlines', input: toBase64([first, bare(second), bare(second)].join('\n')), errors: [{ messageId: 'backToBack', data: { count: 'three' } }] },
    { name: 'in a form body', input: field(toBase64(`${bare(first)}${bare(second)}`)), errors: [{ messageId: 'backToBack' }] },
    { name: 'the first holds a nested element of its own name', input: toBase64(`${nesting}${bare(second)}`), errors: [{ messageId: 'backToBack', data: { count: 'two' } }] },
    { name: 'the first’s comment holds its end tag', input: toBase64(`${commenting}\n${bare(second)}`), errors: [{ messageId: 'backToBack', data: { count: 'two' } }] },
    { name: 'self-closing roots', input: toBase64('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1" Version="2.0"/><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r2" Version="2.0"/>'), errors: [{ messageId: 'backToBack' }] },
  ],
});

describe('IN017 lints the first response', () => {
  it('hands the first document to the rules, whole', () => {
    const capture = decodeCapture(toBase64(`${first}${second}`));
    expect(capture.xml).toBe(first.trimEnd());
    // Not up to the end tag of an element nested in it that has its name, nor one in its comment.
    expect(decodeCapture(toBase64(`${nesting}${bare(second)}`)).xml).toBe(nesting);
    expect(decodeCapture(toBase64(`${commenting}\n${bare(second)}`)).xml).toBe(commenting);
  });

  it('reports no XML001, the first response’s own findings, and verifies its signatures', () => {
    const doubled = toBase64(`${SIGNED_BOTH}${bare(second)}`);
    const alone = lint(toBase64(SIGNED_BOTH), { now: '2026-11-27T09:00:30Z' });
    const result = lint(doubled, { now: '2026-11-27T09:00:30Z' });
    const codes = result.findings.map((f) => f.code);
    expect(codes).not.toContain('XML001');
    expect(codes).toContain('IN017');
    expect(codes.filter((c) => c !== 'IN017')).toEqual(alone.findings.map((f) => f.code));
    expect(result.signatures).toEqual(alone.signatures);
    expect(result.findings.find((f) => f.code === 'IN017')).toMatchObject({ messageId: 'backToBack', data: { count: 'two' } });
  });

  it('still reports a second response cut short', () => {
    const cut = toBase64(`${bare(first)}${bare(second).slice(0, 400)}`);
    const codes = lint(cut).findings.map((f) => f.code);
    expect(codes).toContain('IN017');
    expect(codes).toContain('IN003');
  });
});
