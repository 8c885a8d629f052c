import { proving, signaturesCovering } from '../../sig/coverage.js';
import type { SignatureInfo } from '../../model/signature.js';
import { NS, isElement } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

/**
 * What a SAML reader takes identity, rights or validity from, by local name in lower case: a lax
 * reader that looks elements up by name, ignoring namespace or case, finds these wherever they sit.
 * Issuer and Status are left out: when only the Assertion is signed, the Response's own are unsigned
 * in every genuine response.
 */
const STATEMENT_NAMES = new Set([
  'assertion',
  'subject',
  'nameid',
  'subjectconfirmation',
  'subjectconfirmationdata',
  'conditions',
  'audiencerestriction',
  'audience',
  'advice',
  'attributestatement',
  'attribute',
  'attributevalue',
  'authnstatement',
  'authzdecisionstatement',
]);

const SAML_NAMESPACES: ReadonlySet<string> = new Set([NS.saml, NS.samlp]);

function describePlace(element: Element): string {
  const path: string[] = [];
  for (let parent = element.parentNode; isElement(parent); parent = parent.parentNode) path.unshift(parent.tagName);
  return path.length ? `in \`${path.join(' › ')}\`` : 'as the document';
}

/** SAML 2.0's spellings of the names above. */
const SAML_SPELLINGS = new Set([
  'Assertion',
  'Subject',
  'NameID',
  'SubjectConfirmation',
  'SubjectConfirmationData',
  'Conditions',
  'AudienceRestriction',
  'Audience',
  'Advice',
  'AttributeStatement',
  'Attribute',
  'AttributeValue',
  'AuthnStatement',
  'AuthzDecisionStatement',
]);

/** How the element differs from the SAML 2.0 element a lax reader would take it for, if it does. */
function lookalike(element: Element): string | undefined {
  const namespace = element.namespaceURI;
  if (!namespace) return 'in no namespace';
  if (!SAML_NAMESPACES.has(namespace)) return `in namespace \`${namespace}\`, not SAML 2.0’s`;
  return SAML_SPELLINGS.has(element.localName) ? undefined : `spelt \`${element.localName}\`, not as SAML spells it`;
}

/** The signatures covering `element`, given those covering its parent. */
function coverageAt(element: Element, outer: readonly SignatureInfo[], valid: readonly SignatureInfo[]): readonly SignatureInfo[] {
  const entering = valid.filter((s) => s.covers.includes(element));
  const leaving = outer.some((s) => s.excluded === element);
  if (!entering.length && !leaving) return outer;
  return [...outer.filter((s) => s.excluded !== element), ...entering];
}

export const SIG014 = defineRule({
  meta: {
    code: 'SIG014',
    name: 'unsigned-saml-content',
    family: 'SIG',
    stage: 'response',
    severity: 'error',
    summary: 'SAML statement content (Subject, NameID, attributes, Conditions, an Assertion) sits outside what the verified signature covers',
    facts: [],
    symptoms: ['signature-invalid', 'invalid-saml-response'],
    messages: {
      unsigned: {
        message: 'unsigned `{{element}}` {{place}}, outside what the verified signature covers{{lookalike}}',
        help: 'a genuine IdP puts every statement inside the element it signs; unsigned statements next to signed ones are how signature-wrapping attacks feed a service provider that looks elements up by name. Treat this response as hostile and find what added them',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    const valid = proving(ctx.signatures());
    // With nothing verified there is no signed content to stand next to: SIG001, SIG003–SIG005 and SIG013 say why.
    if (valid.length === 0) return;
    // SIG011 reports an unsigned Assertion directly under the Response, which a SAML reader takes by position.
    const reportedElsewhere = new Set<Element>(view.assertions);
    // One walk, carrying the signatures whose coverage each element is in: a signature enters at the
    // element it signs and leaves at what its enveloped-signature transform left out (its own Signature).
    // A decrypted Assertion starts inside the coverage of the signatures over its EncryptedAssertion.
    const stack: Array<[Element, readonly SignatureInfo[]]> = [[view.root, []]];
    if (view.decrypted && view.assertion) {
      stack.push([view.assertion, view.encryptedAssertions.flatMap((e) => signaturesCovering(e, valid))]);
    }
    while (stack.length) {
      const [element, outer] = stack.pop() as [Element, readonly SignatureInfo[]];
      const covering = coverageAt(element, outer, valid);
      if (covering.length === 0 && reportedElsewhere.has(element)) continue;
      if (covering.length === 0 && STATEMENT_NAMES.has(element.localName.toLowerCase())) {
        const difference = lookalike(element);
        ctx.report({
          messageId: 'unsigned',
          data: { element: element.tagName, place: describePlace(element), lookalike: difference ? ` (${difference})` : '' },
          location: ctx.at.element(element),
        });
        // Its children are the same finding.
        continue;
      }
      for (let child = element.lastChild; child; child = child.previousSibling) if (isElement(child)) stack.push([child, covering]);
    }
  },
});
