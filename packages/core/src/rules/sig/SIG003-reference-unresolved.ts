import { NS } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

/** What a SAML signature may sign: the Response or an Assertion (SAML core §5.4.1, §5.4.2). */
function isSignable(element: Element): boolean {
  return (
    (element.namespaceURI === NS.samlp && element.localName === 'Response') ||
    (element.namespaceURI === NS.saml && element.localName === 'Assertion')
  );
}

export const SIG003 = defineRule({
  meta: {
    code: 'SIG003',
    name: 'reference-unresolved',
    family: 'SIG',
    stage: 'response',
    severity: 'error',
    summary: 'A signature reference points at nothing, at the wrong element, or at a duplicated ID',
    facts: [],
    symptoms: ['signature-invalid'],
    messages: {
      notSameDocument: {
        message: 'reference URI `{{uri}}` is not a same-document `#ID` reference',
        help: 'a SAML signature references the signed element by its ID (`URI="#ID"`, SAML core §5.4.2); fix the IdP’s signing configuration or plug-in',
      },
      nowhere: {
        message: 'reference `{{uri}}` points at no element',
        help: 'the element the IdP signed is gone or its ID changed after signing: look for a proxy or script that rewrites the response',
      },
      otherIdAttribute: {
        message: 'reference `{{uri}}` names no element by its SAML `ID`; `{{attribute}}` on `{{element}}` carries that value',
        help: 'SAML identifies what a signature covers by the `ID` attribute only (SAML core §1.3.4, §5.4.2); an element offering the value under `Id`, `id`, `xml:id` or `wsu:Id` is how a forged element is passed off as the signed one to a verifier that accepts those names: treat this response as hostile',
      },
      duplicated: {
        message: 'reference `{{uri}}` names an ID that {{count}} elements carry',
        help: 'IDs must be unique; a duplicated ID is how signature-wrapping attacks smuggle in a second, unsigned copy: treat this response as hostile',
      },
      wrongElement: {
        message: 'the signature signs `{{target}}`, not the Response or an Assertion',
        help: 'SAML signatures cover the Response or the Assertion they sit in (SAML core §5.4.1); configure the IdP to sign those',
      },
      notEnveloped: {
        message: 'the signature sits in `{{parent}}` but signs `{{target}}` elsewhere',
        help: 'a SAML signature is enveloped: it is a child of the element it signs; one placed elsewhere is a signature-wrapping pattern',
      },
    },
  },
  check(ctx) {
    for (const signature of ctx.signatures()) {
      // A SAML signature has one Reference; SIG013 reports more, and none of them is verified.
      const reference = signature.references[0];
      if (!reference) continue;
      const location = ctx.at.attribute(reference.element, 'URI');
      const data = { uri: reference.uri };
      if (!reference.uri.startsWith('#')) {
        ctx.report({ messageId: 'notSameDocument', data, location });
        continue;
      }
      if (reference.targets.length === 0) {
        const lookalike = reference.lookalikes[0];
        if (lookalike) {
          ctx.report({
            messageId: 'otherIdAttribute',
            data: { ...data, attribute: lookalike.attribute, element: lookalike.element.tagName },
            location,
            labels: reference.lookalikes.map((l) => ({ location: ctx.at.attribute(l.element, l.attribute), message: `\`${l.attribute}\` carries ${reference.uri.slice(1)}` })),
          });
        } else {
          ctx.report({ messageId: 'nowhere', data, location });
        }
        continue;
      }
      if (reference.targets.length > 1) {
        ctx.report({
          messageId: 'duplicated',
          data: { ...data, count: reference.targets.length },
          location,
          labels: reference.targets.map((t) => ({ location: ctx.at.element(t), message: `carries ${reference.uri.slice(1)}` })),
        });
        continue;
      }
      const target = reference.targets[0] as Element;
      if (!isSignable(target)) {
        ctx.report({ messageId: 'wrongElement', data: { target: target.tagName }, location });
      } else if (signature.parent !== target) {
        ctx.report({
          messageId: 'notEnveloped',
          data: { parent: signature.parent?.tagName ?? 'the document', target: target.tagName },
          location,
          labels: [{ location: ctx.at.element(target), message: 'the signed element' }],
        });
      }
    }
  },
});
