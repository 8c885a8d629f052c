import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { Span } from '../src/model/finding.js';
import { parseXml } from '../src/xml/parse.js';
import { attributeSpan, contentSpan, elementSpan } from '../src/xml/spans.js';

const NS = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';

/** The text a span covers, and the element found by `pick` among the parsed document's elements. */
function parsed(xml: string) {
  const { source, doc } = parseXml(xml);
  if (!doc) throw new Error('not parsed');
  const list = doc.document.getElementsByTagName('*');
  const all = Array.from({ length: list.length }, (_, i) => list.item(i) as Element);
  const text = (span: Span) => source.text.slice(source.offsetOf(span.line, span.column), source.offsetOf(span.endLine, span.endColumn));
  return {
    /** The `n`th element (0-based, document order) named `name`. */
    element: (name: string, n = 0) => all.filter((e) => e.tagName === name)[n] as Element,
    content: (element: Element) => text(contentSpan(source, element)),
    startTag: (element: Element) => text(elementSpan(source, element)),
    attribute: (element: Element, name: string) => text(attributeSpan(source, element, name)),
  };
}

describe('spans come from the parse’s tag positions', () => {
  it('an Assertion holding an Assertion inside its Advice ends at its own end tag (the shape of a wrapping attack)', () => {
    const inner = '<saml:Assertion ID="inner"><saml:Issuer>evil</saml:Issuer></saml:Assertion>';
    const outerContent = `\n    <saml:Advice>${inner}</saml:Advice>\n    <saml:Issuer>idp</saml:Issuer>\n  `;
    const xml = `<samlp:Response ${NS}>\n  <saml:Assertion ID="outer">${outerContent}</saml:Assertion>\n</samlp:Response>`;
    const doc = parsed(xml);
    expect(doc.content(doc.element('saml:Assertion', 0))).toBe(outerContent);
    expect(doc.content(doc.element('saml:Assertion', 1))).toBe('<saml:Issuer>evil</saml:Issuer>');
    expect(doc.startTag(doc.element('saml:Assertion', 1))).toBe('<saml:Assertion ID="inner">');
    expect(doc.content(doc.element('saml:Issuer', 1))).toBe('idp');
  });

  it('an element ends at its own end tag, not at one whose name starts with its name', () => {
    const xml = `<saml:AttributeStatement ${NS}><saml:Attribute Name="a"><saml:AttributeValue>v</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>`;
    const doc = parsed(xml);
    expect(doc.content(doc.element('saml:Attribute'))).toBe('<saml:AttributeValue>v</saml:AttributeValue>');
    expect(doc.content(doc.element('saml:AttributeValue'))).toBe('v');
  });

  it('an end tag inside a comment or a CDATA section ends nothing', () => {
    const content = '<!-- </saml:Assertion> --><saml:Issuer><![CDATA[</saml:Assertion>]]></saml:Issuer>';
    const doc = parsed(`<saml:Assertion ${NS}>${content}</saml:Assertion>`);
    expect(doc.content(doc.element('saml:Assertion'))).toBe(content);
    expect(doc.content(doc.element('saml:Issuer'))).toBe('<![CDATA[</saml:Assertion>]]>');
  });

  it('an empty element’s content is its start tag, whether it closes itself or not', () => {
    const doc = parsed(`<saml:Conditions ${NS}><saml:Audience /><saml:Issuer></saml:Issuer>\n</saml:Conditions>`);
    expect(doc.content(doc.element('saml:Audience'))).toBe('<saml:Audience />');
    expect(doc.content(doc.element('saml:Issuer'))).toBe('<saml:Issuer>');
    expect(doc.content(doc.element('saml:Conditions'))).toBe('<saml:Audience /><saml:Issuer></saml:Issuer>\n');
  });

  it('an attribute is found by its name, never inside another attribute’s value', () => {
    const doc = parsed(`<saml:Assertion ${NS} Note=' ID="fake" a>b' ID = "real" Version='2.0'/>`);
    const assertion = doc.element('saml:Assertion');
    expect(doc.attribute(assertion, 'ID')).toBe('real');
    expect(doc.attribute(assertion, 'Version')).toBe('2.0');
    expect(doc.attribute(assertion, 'Note')).toBe(' ID="fake" a>b');
    expect(doc.attribute(assertion, 'IssueInstant')).toBe(doc.startTag(assertion));
    expect(doc.startTag(assertion)).toMatch(/^<saml:Assertion [^]*Version='2\.0'\/>$/);
  });

  it('positions hold across CRLF line ends and after a U+2028 on the line', () => {
    const doc = parsed(`<samlp:Response ${NS}>\r\n  <saml:Issuer>a\u2028b</saml:Issuer><saml:Audience>x</saml:Audience>\r\n</samlp:Response>`);
    expect(doc.content(doc.element('saml:Issuer'))).toBe('a\u2028b');
    expect(doc.content(doc.element('saml:Audience'))).toBe('x');
    expect(doc.attribute(doc.element('samlp:Response'), 'xmlns:saml')).toBe('urn:oasis:names:tc:SAML:2.0:assertion');
    // Right after a U+2029 xmldom says column 1, where the line's first element starts.
    const after = parsed(`<samlp:Response ${NS}>\n<saml:Issuer>a</saml:Issuer>\u2029<saml:Audience>x</saml:Audience>\n</samlp:Response>`);
    expect(after.startTag(after.element('saml:Audience'))).toBe('<saml:Audience>');
    expect(after.startTag(after.element('saml:Issuer'))).toBe('<saml:Issuer>');
  });

  it('an element of a document samlint did not parse gets the first character of its start tag', () => {
    const { source } = parseXml('<a>\n  <b>x</b>\n</a>');
    const foreign = new DOMParser({ locator: {} }).parseFromString('<a>\n  <b>x</b>\n</a>', 'text/xml');
    const b = foreign.getElementsByTagName('b')[0] as unknown as Element;
    expect(contentSpan(source, b)).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 4 });
  });
});
