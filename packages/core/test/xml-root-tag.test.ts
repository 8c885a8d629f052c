import { describe, expect, it } from 'vitest';
import { SourceText } from '../src/model/source-text.js';
import { XML_LIMITS, parseXml } from '../src/xml/parse.js';
import { checkWellFormed } from '../src/xml/well-formed.js';

// Where a document's root ends, and whether a text was cut, as the well-formedness scan reads them from
// the document's structure (capture/decode.ts decides IN003 and IN017 from these).
const SAMLP = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"';
const DOCUMENT = [
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
  '<!-- issued by the test IdP --><?idp trace="1"?>',
  `<samlp:Response ${SAMLP} xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID="_r1" Version="2.0">`,
  '  <saml:Issuer>https://idp.example.com/?a=1&amp;b=&#x32;&#50;</saml:Issuer>',
  '  <samlp:Extensions><samlp:Response ID="_inner"/><samlp:Response ID="_inner2"></samlp:Response><![CDATA[</samlp:Response> <a>]]></samlp:Extensions>',
  '  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success" /></samlp:Status>',
  '</samlp:Response >',
].join('\n');

const scan = (text: string) => checkWellFormed(new SourceText(text), XML_LIMITS);

describe('the root element, read from structure', () => {
  it('ends at its own end tag, not at one of a nested element of its name or in CDATA', () => {
    expect(parseXml(DOCUMENT).rootTag).toEqual({ name: 'samlp:Response', end: DOCUMENT.length });
    expect(parseXml(`<samlp:Response ${SAMLP}/>`).rootTag).toEqual({ name: 'samlp:Response', end: `<samlp:Response ${SAMLP}/>`.length });
  });

  it('is known when a second root follows it, which the scan refuses', () => {
    const parsed = parseXml(`${DOCUMENT}\n${DOCUMENT.slice(DOCUMENT.indexOf('<samlp:Response'))}`);
    expect(parsed.doc).toBeUndefined();
    expect(parsed.rootTag).toEqual({ name: 'samlp:Response', end: DOCUMENT.length });
    expect(parsed.problems).toEqual([expect.objectContaining({ kind: 'not-well-formed' })]);
    expect(parsed.problems[0]).not.toHaveProperty('endOfText');
  });

  it('has no end, and the text is cut, wherever the text stops before the root’s end', () => {
    // Every prefix: inside the declaration, a comment, a PI, a tag name, an attribute, a value, a
    // reference, CDATA, text, an end tag.
    for (let length = 1; length < DOCUMENT.length; length++) {
      const result = scan(DOCUMENT.slice(0, length));
      expect(result.error?.endOfText, `cut after ${JSON.stringify(DOCUMENT.slice(Math.max(0, length - 20), length))}`).toBe(true);
      expect(result.root?.end).toBeUndefined();
    }
  });

  it('does not call an error in the middle of the text a cut', () => {
    const broken = DOCUMENT.replace('<saml:Issuer>', '<saml:Issuer>\u0000');
    expect(scan(broken).error).toEqual(expect.objectContaining({ detail: expect.stringContaining('U+0000') }));
    expect(scan(broken).error?.endOfText).toBeUndefined();
    expect(scan(DOCUMENT.replace('</samlp:Status>', '</samlp:State>')).error?.endOfText).toBeUndefined();
  });
});
