import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { roleSessionName } from '../../aws/role-session-name.js';
import { attributesNamed } from '../../saml/response.js';
import { defineRule } from '../define-rule.js';

const HELP =
  'send exactly one RoleSessionName value from one attribute: map it to a single-valued user property (user ID or email), not a group or a multi-valued field, and remove duplicate attribute mappings in the IdP';

export const AWS008 = defineRule({
  meta: {
    code: 'AWS008',
    name: 'role-session-name-multiple-values',
    family: 'AWS',
    stage: 'response',
    severity: 'warning',
    summary: 'RoleSessionName has more than one value or appears in more than one attribute',
    facts: ['AWS-RSN-003'],
    symptoms: [],
    messages: {
      values: {
        message: 'RoleSessionName has {{count}} values',
        help: HELP,
      },
      attributes: {
        message: 'RoleSessionName appears in {{count}} `Attribute` elements',
        help: HELP,
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    const attributes = attributesNamed(ctx.response, AWS_ATTRIBUTE.roleSessionName);
    // AWS does not say which value it uses; samlint's other rules read the first (facts §1).
    const used = roleSessionName(ctx.response);
    const notes = used ? [`samlint checks the first value, \`${used.value}\`; AWS does not document which one it uses`] : [];
    for (const { values } of attributes) {
      const extra = values[1];
      if (extra) ctx.report({ messageId: 'values', data: { count: values.length }, location: ctx.at.element(extra), notes });
    }
    const second = attributes[1];
    if (second) {
      const location = ctx.at.element(second.element);
      ctx.report({ messageId: 'attributes', data: { count: attributes.length }, location, notes });
    }
  },
});
