import { principalTags, type PrincipalTag } from '../../aws/attributes.js';
import { defineRule } from '../define-rule.js';

export const AWS012 = defineRule({
  meta: {
    code: 'AWS012',
    name: 'principal-tag-key-duplicate',
    family: 'AWS',
    stage: 'response',
    severity: 'warning',
    summary: 'Two PrincipalTag attributes have the same tag key, ignoring case',
    facts: ['AWS-TAG-002'],
    symptoms: [],
    messages: {
      caseOnly: {
        message: 'tag key `{{key}}` differs only in case from `{{other}}`',
        help: 'AWS compares session tag keys ignoring case, so only one of these tags takes effect: keep one spelling and one PrincipalTag mapping per key in the IdP',
      },
      repeated: {
        message: 'tag key `{{key}}` is sent twice',
        help: 'send each session tag once, with one value: remove the duplicate PrincipalTag mapping in the IdP',
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    const firstByKey = new Map<string, PrincipalTag>();
    for (const tag of principalTags(ctx.response)) {
      const folded = tag.key.toLowerCase();
      const earlier = firstByKey.get(folded);
      if (!earlier) {
        firstByKey.set(folded, tag);
        continue;
      }
      ctx.report({
        messageId: earlier.key === tag.key ? 'repeated' : 'caseOnly',
        data: { key: tag.key, other: earlier.key },
        location: ctx.at.attribute(tag.attribute.element, 'Name'),
        labels: [{ location: ctx.at.attribute(earlier.attribute.element, 'Name'), message: 'first sent here' }],
      });
    }
  },
});
