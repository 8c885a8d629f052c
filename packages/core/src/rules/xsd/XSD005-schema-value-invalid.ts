import { defineRule } from '../define-rule.js';
import { oneOf, shown, violationsOf } from './_shared.js';

export const XSD005 = defineRule({
  meta: {
    code: 'XSD005',
    name: 'schema-value-invalid',
    family: 'XSD',
    stage: 'xml',
    severity: 'error',
    summary: 'An attribute or element value that is not of the type the SAML schema gives it (xs:dateTime, xs:anyURI, xs:ID, an enumeration…)',
    facts: [],
    symptoms: ['invalid-saml-response', 'could-not-parse-metadata'],
    messages: {
      attribute: {
        message: '`{{attribute}}` of `{{element}}` is `{{value}}`, not a valid `{{type}}`',
        help: 'make the IdP’s template (or the metadata) write `{{attribute}}` as a `{{type}}` (an xs:dateTime is `2026-01-31T09:00:00Z`, an xs:ID starts with a letter or `_`)',
      },
      content: {
        message: '`{{element}}` holds `{{value}}`, not a valid `{{type}}`',
        help: 'make the IdP’s template (or the metadata) write the value of `{{element}}` as a `{{type}}` (an xs:base64Binary value has no PEM header or footer)',
      },
      enumeration: {
        message: '`{{value}}` is not one of the values the schema allows in `{{where}}`: {{allowed}}',
        help: 'use one of {{allowed}} in the IdP’s template (or the metadata); the values are case-sensitive',
      },
      tooLong: {
        message: '`{{where}}` is {{length}} characters long; the schema allows at most {{maxLength}}',
        help: 'shorten the value in the IdP’s template (or the metadata) to {{maxLength}} characters',
      },
      duplicateId: {
        message: '`{{attribute}}` of `{{element}}` is `{{value}}`, the ID of an earlier element too',
        help: 'every ID in a SAML document must be unique: make the IdP generate a fresh ID for each element; two elements with one ID are also how signature wrapping attacks hide an element',
      },
    },
  },
  check(ctx) {
    for (const violation of violationsOf(ctx, 'invalid-value', 'duplicate-id')) {
      const element = violation.element.nodeName;
      if (violation.kind === 'duplicate-id') {
        const location = ctx.at.attribute(violation.element, violation.attribute);
        ctx.report({ messageId: 'duplicateId', data: { element, attribute: violation.attribute, value: violation.value }, location });
        continue;
      }
      const { attribute, problem } = violation;
      const location = attribute !== undefined ? ctx.at.attribute(violation.element, attribute) : ctx.at.element(violation.element);
      const value = shown(violation.value.trim());
      const where = attribute !== undefined ? `${attribute}` : element;
      if (problem.kind === 'enumeration') {
        ctx.report({ messageId: 'enumeration', data: { value, where, allowed: oneOf(problem.allowed) }, location });
      } else if (problem.kind === 'length') {
        ctx.report({ messageId: 'tooLong', data: { where, length: [...violation.value.trim()].length, maxLength: problem.maxLength }, location });
      } else if (attribute !== undefined) {
        ctx.report({ messageId: 'attribute', data: { element, attribute, value, type: problem.type }, location });
      } else {
        ctx.report({ messageId: 'content', data: { element, value, type: problem.type }, location });
      }
    }
  },
});
