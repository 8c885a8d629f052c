import { NS, descendants, textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;

/** What splits a value's text, if anything: the CVE-2017-11428 family reads only the first text node. */
function splitBy(element: Element): string | undefined {
  let texts = 0;
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === COMMENT_NODE) return 'a comment';
    if (child.nodeType === CDATA_SECTION_NODE) return 'a CDATA section';
    if (child.nodeType === PROCESSING_INSTRUCTION_NODE) return 'a processing instruction';
    if (child.nodeType === TEXT_NODE) texts++;
    else return 'an element';
  }
  return texts > 1 ? 'several text nodes' : undefined;
}

/**
 * Every element of a SAML Response whose text content is a value that samlint's rules or a service
 * provider read (SAML core §2 and §3.2.2): names, the issuer, audiences, attribute values, the
 * authentication context and authorities, and the status message. An element whose content is other
 * elements (Subject, Conditions, StatusDetail, SubjectConfirmationData) holds no such value, and
 * attribute values (SessionIndex, Recipient, NotOnOrAfter, StatusCode's Value…) cannot be split: a
 * comment cannot sit inside an attribute.
 */
export const TEXT_VALUE_ELEMENTS: ReadonlyArray<{ ns: string; name: string }> = [
  { ns: NS.saml, name: 'Issuer' },
  { ns: NS.saml, name: 'NameID' },
  { ns: NS.saml, name: 'Audience' },
  { ns: NS.saml, name: 'AttributeValue' },
  { ns: NS.saml, name: 'AuthnContextClassRef' },
  { ns: NS.saml, name: 'AuthnContextDeclRef' },
  { ns: NS.saml, name: 'AuthenticatingAuthority' },
  { ns: NS.saml, name: 'Action' },
  { ns: NS.saml, name: 'AssertionIDRef' },
  { ns: NS.saml, name: 'AssertionURIRef' },
  { ns: NS.samlp, name: 'StatusMessage' },
];

// Each of those local names is in one namespace: a lookup by name, no key built per element.
const VALUE_NAMESPACE = new Map(TEXT_VALUE_ELEMENTS.map(({ ns, name }) => [name, ns]));

function firstTextNode(element: Element): string {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) return child.nodeValue ?? '';
  }
  return '';
}

export const SIG012 = defineRule({
  meta: {
    code: 'SIG012',
    name: 'text-node-split',
    family: 'SIG',
    stage: 'response',
    severity: 'error',
    summary: 'A SAML value that SPs read (NameID, Issuer, Audience, attribute value, AuthnContextClassRef…) is split by a comment or CDATA section (comment injection)',
    facts: [],
    symptoms: ['connect-not-onboarded', 'not-authorized-assume-role'],
    messages: {
      split: {
        message: '`{{element}}` value is split by {{what}}: its first text node reads `{{first}}`, the whole value `{{full}}`',
        help: 'no IdP writes comments inside values; a signed value split this way is the comment-injection attack (CVE-2017-11428, VU#475445) against SPs that read only the first text node. samlint and AWS read the whole value; treat the response as hostile',
        profiles: { generic: { help: 'no IdP writes comments inside values; a signed value split this way is the comment-injection attack (CVE-2017-11428, VU#475445) against SPs that read only the first text node. samlint reads the whole value; treat the response as hostile' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    // A decrypted Assertion is a document of its own, outside the Response's tree.
    const roots = view.decrypted && view.assertion ? [view.root, view.assertion] : [view.root];
    // One walk of each tree, not one per element name: a large response holds thousands of values.
    const values = roots.flatMap((root) => descendants(root, '*', '*').filter((e) => VALUE_NAMESPACE.get(e.localName) === e.namespaceURI));
    for (const element of values) {
      const what = splitBy(element);
      if (!what || what === 'an element') continue;
      ctx.report({
        messageId: 'split',
        data: { element: element.localName ?? element.tagName, what, first: firstTextNode(element), full: textOf(element) },
        location: ctx.at.content(element),
      });
    }
  },
});
