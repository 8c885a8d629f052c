import { describe, expect, it } from 'vitest';
import { parseXml } from '../src/xml/parse.js';

// What the parse gives rules and the verifier, on the paths the xmldom patch made cheaper (decision
// 0001): names split at their colon, end tags with trailing space, and values with and without
// references or whitespace that attribute-value normalisation replaces.

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function rootOf(xml: string): Element {
  const { doc, problems } = parseXml(xml);
  expect(problems).toEqual([]);
  if (!doc) throw new Error('not parsed');
  return doc.root;
}

describe('the parse of names', () => {
  it('splits a prefixed element and attribute name at the colon, with the namespace in scope', () => {
    const root = rootOf(`<saml:AttributeValue xmlns:saml="${SAML}" xmlns:xsi="${XSI}" xsi:type="xs:string">v</saml:AttributeValue>`);
    expect([root.prefix, root.localName, root.namespaceURI, root.tagName]).toEqual(['saml', 'AttributeValue', SAML, 'saml:AttributeValue']);
    const type = root.getAttributeNodeNS(XSI, 'type');
    expect([type?.prefix, type?.localName, type?.name, type?.value]).toEqual(['xsi', 'type', 'xsi:type', 'xs:string']);
  });

  it('keeps an unprefixed name whole, in the default namespace for an element and in none for an attribute', () => {
    const root = rootOf(`<Assertion xmlns="${SAML}" ID="_a"/>`);
    expect([root.prefix, root.localName, root.namespaceURI]).toEqual([null, 'Assertion', SAML]);
    const id = root.getAttributeNode('ID');
    // xmldom leaves an unprefixed attribute's namespaceURI undefined rather than null.
    expect([id?.prefix, id?.localName, id?.namespaceURI ?? null]).toEqual([null, 'ID', null]);
  });

  it('reads an end tag with spaces, tabs and line ends before its `>`', () => {
    const root = rootOf(`<saml:Issuer xmlns:saml="${SAML}">idp</saml:Issuer \n\t>`);
    expect([root.localName, root.textContent]).toEqual(['Issuer', 'idp']);
  });
});

describe('the parse of values', () => {
  it('turns literal tabs and line ends in an attribute value into spaces, and keeps those written as references', () => {
    const root = rootOf('<r a="x\ty\nz\r\nw" b="x&#9;y&#10;z&#13;w" c="plain value"/>');
    expect(root.getAttribute('a')).toBe('x y z w');
    expect(root.getAttribute('b')).toBe('x\ty\nz\rw');
    expect(root.getAttribute('c')).toBe('plain value');
  });

  it('expands the predefined entities and character references in attribute values and text', () => {
    const root = rootOf('<r a="&lt;&amp;&gt;&quot;&apos;&#x41;&#66;">a &lt; b &amp;&amp; c &#x263A;&#65;</r>');
    expect(root.getAttribute('a')).toBe('<&>"\'AB');
    expect(root.textContent).toBe('a < b && c \u263AA');
  });

  it('gives text without references as written, with CRLF and CR read as LF', () => {
    const root = rootOf('<r>line one\r\nline two\rline three\n  ; = " \' ></r>');
    expect(root.textContent).toBe('line one\nline two\nline three\n  ; = " \' >');
  });
});
