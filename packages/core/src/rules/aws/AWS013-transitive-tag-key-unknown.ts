import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { attributesNamed } from '../../saml/response.js';
import { textOf } from '../../xml/dom.js';
import { principalTags } from '../../aws/attributes.js';
import { defineRule } from '../define-rule.js';

const MAX_TRANSITIVE_KEYS = 50;

export const AWS013 = defineRule({
  meta: {
    code: 'AWS013',
    name: 'transitive-tag-key-unknown',
    family: 'AWS',
    stage: 'response',
    severity: 'warning',
    summary: 'A TransitiveTagKeys value names no PrincipalTag in the assertion, or there are more than 50',
    facts: ['AWS-TAG-003'],
    symptoms: [],
    messages: {
      unknown: {
        message: 'transitive tag key `{{key}}` is not sent as a PrincipalTag',
        help: 'list in TransitiveTagKeys only keys the IdP also sends as `https://aws.amazon.com/SAML/Attributes/PrincipalTag:{Key}`; add the PrincipalTag mapping or drop the key',
      },
      tooMany: {
        message: 'TransitiveTagKeys has {{count}} values, over the maximum of 50',
        help: 'make at most 50 session tags transitive',
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    const values = attributesNamed(ctx.response, AWS_ATTRIBUTE.transitiveTagKeys).flatMap((a) => a.values);
    const firstOverLimit = values[MAX_TRANSITIVE_KEYS];
    if (firstOverLimit) {
      ctx.report({ messageId: 'tooMany', data: { count: values.length }, location: ctx.at.element(firstOverLimit) });
    }
    // Tag keys are case-insensitive in AWS (facts §5), so `department` names `PrincipalTag:Department`.
    const tagKeys = new Set(principalTags(ctx.response).map((t) => t.key.toLowerCase()));
    for (const element of values) {
      const key = textOf(element);
      if (tagKeys.has(key.toLowerCase())) continue;
      ctx.report({ messageId: 'unknown', data: { key }, location: ctx.at.content(element) });
    }
  },
});
