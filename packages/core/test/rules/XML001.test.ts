import { describe, expect, it } from 'vitest';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { XML001 } from '../../src/rules/xml/XML001-not-well-formed.js';
import { parseXml } from '../../src/xml/parse.js';
import { ruleTester } from '../rule-tester.js';

const SAMLP = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"';
/** A response whose one child element holds `content` (line 2, from column 5). */
const inResponse = (content: string) => `<samlp:Response ${SAMLP}>\n  <a>${content}</a>\n</samlp:Response>`;
/** A response whose child's attribute `v` holds `value` (line 2, from column 9). */
const inValue = (value: string) => `<samlp:Response ${SAMLP}>\n  <a v="${value}"/>\n</samlp:Response>`;

ruleTester(XML001, {
  valid: [
    { name: 'a well-formed response', input: buildResponse() },
    { name: 'CDATA and comments', input: buildResponse({ assertionExtra: '<!-- note --><![CDATA[a < b]]>' }) },
    { name: '`>` in an attribute value and in text', input: inValue('a > b').replace('<a v', '<a w="]]>" v') },
    { name: 'legal character references at the edges', input: inResponse('&#x9;&#xA;&#xD;&#x20;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;&#1114111;&#0065;') },
    { name: 'the five predefined entities', input: inValue('&amp;&lt;&gt;&apos;&quot;') },
    { name: 'CDATA holding `<`, `&` and `]]`', input: inResponse('<![CDATA[if (a < b && c) x[y[0]] = 1;]]>') },
    { name: 'comments with single dashes, and an empty one', input: inResponse('<!-- a - b -a- --><!---->') },
    { name: 'astral characters, C1 controls, U+FEFF and U+FDD0 in text', input: inResponse('\u{1F600}\u0085\u009F\uFEFF\uFDD0\u{10FFFF}') },
    { name: 'a byte order mark before the XML declaration', input: `\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${inResponse('x')}` },
    { name: 'XML version 1.1 (read with 1.0 rules, as libxml2 does)', input: `<?xml version='1.1'?>${inResponse('x')}` },
    { name: 'comments, PIs and whitespace after the root', input: `${inResponse('x')}\n<!-- c --><?pi x?>\n` },
    { name: 'PI targets that only start with xml', input: inResponse('<?xml-stylesheet href="a.xsl"?><?xmlfoo?>') },
    { name: 'the same local name in two different namespaces', input: inResponse('<b xmlns:p="urn:a" xmlns:q="urn:b" p:x="1" q:x="2" x="3"/>') },
    { name: 'a prefix rebound in a child', input: inResponse('<p:b xmlns:p="urn:a"><p:c xmlns:p="urn:b" p:x="1"/></p:b>') },
    { name: 'the xml prefix, used and declared correctly', input: inResponse('<b xml:lang="en" xmlns:xml="http://www.w3.org/XML/1998/namespace"/>') },
  ],
  invalid: [
    {
      name: 'a raw ampersand',
      input: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">\n  <a>Smith & Sons</a>\n</samlp:Response>',
      errors: [{ messageId: 'malformed', line: 2 }],
    },
    {
      name: 'mismatched tags',
      input: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><a></b></samlp:Response>',
      errors: [{ messageId: 'malformed', line: 1 }],
    },
    {
      name: 'cut short',
      input: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">\n<a>',
      errors: [{ messageId: 'malformed', data: { detail: 'the text ends before `samlp:Response`, `a` are closed' }, line: 2, column: 4 }],
    },
    { name: 'two root elements', input: '<a/><b/>', errors: [{ messageId: 'malformed' }] },
    // An unfinished processing instruction, at its start (pnpm fuzz once found a NaN column here).
    { name: 'an unfinished processing instruction', input: '<?', errors: [{ messageId: 'malformed', line: 1, column: 1 }] },
    {
      name: 'an unbound prefix names the declaration SAML conventionally uses',
      input: '<samlp:Response/>',
      errors: [{ messageId: 'unboundPrefix', data: { prefix: 'samlp', declaration: 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"' } }],
    },
    // What XML 1.0 forbids and xmldom 0.8 and fast-xml-parser's validator both let through: each at
    // the offending character, and named.
    {
      name: '`<` in an attribute value',
      input: inValue('a<b'),
      errors: [{ messageId: 'malformed', data: { detail: '`<` in the value of attribute `v` (it must be written `&lt;`)' }, line: 2, column: 10 }],
    },
    {
      name: 'a reference to U+0000',
      input: inResponse('x&#0;'),
      errors: [{ messageId: 'malformed', data: { detail: 'character reference `&#0;` is to U+0000, a control character, which XML does not allow' }, line: 2, column: 7 }],
    },
    { name: 'a reference to U+0001 in an attribute value', input: inValue('&#x1;'), errors: [{ messageId: 'malformed', line: 2, column: 9 }] },
    { name: 'a reference to U+FFFE', input: inResponse('&#xFFFE;'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    { name: 'a reference to U+FFFF, in decimal', input: inResponse('&#65535;'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    { name: 'a reference to a surrogate', input: inResponse('&#xD800;'), errors: [{ messageId: 'malformed', data: { detail: 'character reference `&#xD800;` is to U+D800, a surrogate, which XML does not allow' } }] },
    { name: 'a reference beyond U+10FFFF', input: inResponse('&#x110000;'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    { name: 'a reference with 20 digits', input: inResponse('&#99999999999999999999;'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    { name: 'a reference with an upper-case X', input: inResponse('&#X41;'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    { name: 'a reference without its semicolon', input: inResponse('&#x41 '), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    {
      name: 'a raw C0 control character',
      input: inResponse('ab\u0001'),
      errors: [{ messageId: 'malformed', data: { detail: 'character U+0001 in text is not allowed in XML (a control character; not even as a reference)' }, line: 2, column: 8 }],
    },
    { name: 'a raw form feed in an attribute value', input: inValue('\f'), errors: [{ messageId: 'malformed', line: 2, column: 9 }] },
    { name: 'a raw U+FFFE', input: inResponse('\uFFFE'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    { name: 'a raw U+FFFF in a comment', input: inResponse('<!-- \uFFFF -->'), errors: [{ messageId: 'malformed', line: 2, column: 11 }] },
    { name: 'a lone high surrogate', input: inResponse('x\uD83D'), errors: [{ messageId: 'malformed', line: 2, column: 7 }] },
    { name: 'a lone low surrogate in CDATA', input: inResponse('<![CDATA[\uDE00]]>'), errors: [{ messageId: 'malformed', line: 2, column: 15 }] },
    {
      name: 'an undefined entity',
      input: inResponse('&nbsp;'),
      errors: [{ messageId: 'malformed', data: { detail: 'reference to undefined entity `&nbsp;` (the only entities without a DTD are `&amp;`, `&lt;`, `&gt;`, `&apos;` and `&quot;`)' }, line: 2, column: 6 }],
    },
    { name: 'an entity name in the wrong case', input: inValue('&AMP;'), errors: [{ messageId: 'malformed', line: 2, column: 9 }] },
    { name: 'a raw ampersand in an attribute value', input: inValue('Smith & Sons'), errors: [{ messageId: 'malformed', line: 2, column: 15 }] },
    { name: 'an entity reference without its semicolon', input: inResponse('&amp '), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    {
      name: 'a duplicated attribute',
      input: inResponse('<b x="1" y="2" x="3"/>'),
      errors: [{ messageId: 'malformed', data: { detail: 'attribute `x` appears twice on `b`' }, line: 2, column: 21 }],
    },
    {
      name: 'one attribute twice through two prefixes bound to one namespace',
      input: inResponse('<b xmlns:p="urn:a" xmlns:q="urn:a" p:x="1" q:x="2"/>'),
      errors: [{ messageId: 'malformed', data: { detail: 'attribute `q:x` on `b` is a second `x` in namespace `urn:a` (another prefix bound to the same namespace already names it)' }, line: 2, column: 49 }],
    },
    { name: 'one attribute twice through a prefix declared higher up', input: `<samlp:Response ${SAMLP} xmlns:p="urn:a">\n<b xmlns:q="urn:a" q:x="1" p:x="2"/></samlp:Response>`, errors: [{ messageId: 'malformed', line: 2, column: 28 }] },
    {
      name: 'a prefix used outside the element that declares it: no conventional namespace to name',
      input: inResponse('<b xmlns:p="urn:a"/><p:c/>'),
      errors: [{ messageId: 'unboundPrefix', data: { prefix: 'p', declaration: 'xmlns:p="the namespace URI it stands for"' }, line: 2, column: 27 }],
    },
    {
      name: 'an unbound attribute prefix',
      input: inResponse('<b xsi:type="x"/>'),
      errors: [{ messageId: 'unboundPrefix', data: { prefix: 'xsi', declaration: 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' }, line: 2, column: 9 }],
    },
    {
      name: 'saml2: with no xmlns:saml2 (a template that lost its declaration)',
      input: `<samlp:Response ${SAMLP}><saml2:Issuer>idp</saml2:Issuer></samlp:Response>`,
      errors: [{ messageId: 'unboundPrefix', data: { prefix: 'saml2', declaration: 'xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion"' } }],
    },
    { name: 'a prefix undeclared with xmlns:p=""', input: inResponse('<b xmlns:p=""/>'), errors: [{ messageId: 'malformed', line: 2, column: 9 }] },
    { name: 'the xml prefix bound elsewhere', input: inResponse('<b xmlns:xml="urn:a"/>'), errors: [{ messageId: 'malformed', line: 2, column: 9 }] },
    { name: 'the xmlns prefix declared', input: inResponse('<b xmlns:xmlns="urn:a"/>'), errors: [{ messageId: 'malformed', line: 2, column: 9 }] },
    { name: 'the xml namespace as the default', input: inResponse('<b xmlns="http://www.w3.org/XML/1998/namespace"/>'), errors: [{ messageId: 'malformed', line: 2, column: 9 }] },
    { name: 'two colons in a name', input: inResponse('<p:b:c xmlns:p="urn:a"/>'), errors: [{ messageId: 'malformed', line: 2, column: 7 }] },
    {
      name: '`]]>` in text',
      input: inResponse('a]]>b'),
      errors: [{ messageId: 'malformed', data: { detail: '`]]>` in text (outside a CDATA section it must be written `]]&gt;`)' }, line: 2, column: 7 }],
    },
    { name: 'an element name starting with a digit', input: inResponse('<1b/>'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    { name: 'an element name starting with U+00B7', input: inResponse('<\u00B7b/>'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    { name: 'an attribute name starting with `-`', input: inResponse('<b -x="1"/>'), errors: [{ messageId: 'malformed', line: 2, column: 9 }] },
    { name: 'a raw `<` in text', input: inResponse('a < b'), errors: [{ messageId: 'malformed', line: 2, column: 8 }] },
    {
      name: '`--` inside a comment',
      input: inResponse('<!-- a -- b -->'),
      errors: [{ messageId: 'malformed', data: { detail: '`--` inside a comment (a comment may not contain `--` nor end in `--->`)' }, line: 2, column: 13 }],
    },
    { name: 'a comment ending in `--->`', input: inResponse('<!-- a --->'), errors: [{ messageId: 'malformed', line: 2, column: 13 }] },
    {
      name: 'a PI target `XML` in another case',
      input: inResponse('<?XML x?>'),
      errors: [{ messageId: 'malformed', data: { detail: 'processing instruction target `XML` is reserved (`xml` in any case)' }, line: 2, column: 6 }],
    },
    { name: 'a PI target with a colon', input: inResponse('<?p:q x?>'), errors: [{ messageId: 'malformed', line: 2, column: 8 }] },
    {
      name: 'an XML declaration after a comment',
      input: `<!-- exported -->\n<?xml version="1.0"?>${inResponse('x')}`,
      errors: [{ messageId: 'malformed', data: { detail: 'an XML declaration `<?xml …?>` that is not at the very start of the document' }, line: 2, column: 1 }],
    },
    { name: 'an XML declaration inside the root', input: inResponse('<?xml version="1.0"?>'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    { name: 'an XML declaration without a version', input: `<?xml encoding="UTF-8"?>${inResponse('x')}`, errors: [{ messageId: 'malformed', line: 1, column: 7 }] },
    { name: 'an XML declaration with standalone="maybe"', input: `<?xml version="1.0" standalone="maybe"?>${inResponse('x')}`, errors: [{ messageId: 'malformed', line: 1, column: 32 }] },
    {
      name: 'text after the root element',
      input: `${inResponse('x')}\ntrailing`,
      errors: [{ messageId: 'malformed', data: { detail: 'text after the root element `samlp:Response` (only comments, processing instructions and whitespace may follow it)' }, line: 4, column: 1 }],
    },
    { name: 'a reference after the root element', input: `${inResponse('x')}&#32;`, errors: [{ messageId: 'malformed', line: 3, column: 18 }] },
    { name: 'a CDATA section after the root element', input: `${inResponse('x')}<![CDATA[x]]>`, errors: [{ messageId: 'malformed', line: 3, column: 18 }] },
    { name: 'text before the root element', input: `<?pi?>x${inResponse('x')}`, errors: [{ messageId: 'malformed', line: 1, column: 7 }] },
    { name: 'attributes not separated by whitespace', input: inResponse('<b x="1"y="2"/>'), errors: [{ messageId: 'malformed', line: 2, column: 14 }] },
    { name: 'an attribute without a value', input: inResponse('<b x/>'), errors: [{ messageId: 'malformed', line: 2, column: 9 }] },
    { name: 'an unquoted attribute value', input: inResponse('<b x=1/>'), errors: [{ messageId: 'malformed', line: 2, column: 11 }] },
    { name: 'a `<!` that is no comment or CDATA', input: inResponse('<![cdata[x]]>'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    { name: 'an unclosed comment', input: inResponse('<!-- a'), errors: [{ messageId: 'malformed', line: 2, column: 6 }] },
    {
      name: 'an end tag that closes another element',
      input: `<samlp:Response ${SAMLP}>\n  <a><b></a></b>\n</samlp:Response>`,
      errors: [{ messageId: 'malformed', data: { detail: 'end tag `</a>` does not match the start tag `<b>` at 2:6' }, line: 2, column: 9 }],
    },
    { name: 'no root element', input: '<!-- only a comment -->', errors: [{ messageId: 'malformed', data: { detail: 'no root element' }, line: 1, column: 1 }] },
    { name: 'an XML declaration cut inside its version', input: '<?xml version="', errors: [{ messageId: 'malformed', line: 1, column: 16 }] },
  ],
});

describe('XML001 on a cut or damaged document', () => {
  const whole = `\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- c --><?pi x?><p:r xmlns:p="urn:p" xmlns:q="urn:q" a="&amp;&#x41;&#65;" q:b='2'>\n <p:a x="1">t&lt;x<![CDATA[c]]><!-- c --><?pi d?></p:a>\n <b/>\u{1F600}</p:r >\n<!-- e -->`;

  it('reads the whole document', () => {
    expect(parseXml(whole).problems).toEqual([]);
  });

  it('refuses every prefix, suffix and one-character deletion without an exception, at a real position', () => {
    for (let k = 0; k < whole.length; k++) {
      for (const text of [whole.slice(0, k), whole.slice(k + 1), whole.slice(0, k) + whole.slice(k + 1)]) {
        const { problems } = parseXml(text);
        for (const problem of problems) {
          if (problem.kind !== 'not-well-formed') continue;
          expect(problem.line, text).toBeGreaterThanOrEqual(1);
          expect(problem.column, text).toBeGreaterThanOrEqual(1);
          expect(problem.detail, text).not.toMatch(/\bundefined\b(?! entity)|\bNaN\b/i);
        }
      }
    }
    // Cutting anywhere before the end tag's `>` leaves something open.
    for (let k = 0; k <= whole.indexOf('</p:r >') + 6; k++) expect(parseXml(whole.slice(0, k)).problems.length, whole.slice(0, k)).toBeGreaterThan(0);
  });
});
