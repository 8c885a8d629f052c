import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { responseAndAssertion } from './_shared.js';

// xs:ID is an NCName: an XML name without a colon, so it cannot start with a digit, `-` or `.`.
const NC_NAME = /^[\p{L}_][\p{L}\p{N}\p{Mn}\p{Mc}_.\-\u00B7\u203F\u2040]*$/u;

export const SAML004 = defineRule({
  meta: {
    code: 'SAML004',
    name: 'missing-id',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Response or Assertion has no ID or IssueInstant',
    facts: [],
    symptoms: ['invalid-saml-response', 'signature-invalid'],
    messages: {
      missing: {
        message: '`{{element}}` has no `{{attribute}}`',
        help: 'SAML core requires an `ID` and an `IssueInstant` on the Response and the Assertion, and signatures point at the `ID`; the IdP generates both, so a missing one means a custom template, plugin or proxy dropped it',
      },
      empty: {
        message: '`{{element}}` `{{attribute}}` is empty',
        help: 'SAML core requires an `ID` and an `IssueInstant` on the Response and the Assertion, and signatures point at the `ID`; the IdP generates both, so an empty one means a custom template or plugin failed to fill it in',
      },
      notXmlId: {
        message: '`{{element}}` ID `{{id}}` is not a valid `xs:ID`',
        help: 'an `xs:ID` must be an XML name (no leading digit, `-` or `.`, no colon or space); verifiers that look the signed element up by ID may not find it, so make the IdP prefix generated IDs with `_` or a letter',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    for (const [element, el] of responseAndAssertion(view)) {
      for (const name of ['ID', 'IssueInstant']) {
        const value = attribute(el, name);
        const data = { element, attribute: name };
        if (value === undefined) {
          ctx.report({ messageId: 'missing', data, location: ctx.at.element(el) });
        } else if (value.trim() === '') {
          ctx.report({ messageId: 'empty', data, location: ctx.at.attribute(el, name) });
        } else if (name === 'ID' && !NC_NAME.test(value)) {
          ctx.report({ messageId: 'notXmlId', data: { element, id: value }, location: ctx.at.attribute(el, name), severity: 'warning' });
        }
      }
    }
  },
});
