import { defineRule } from '../define-rule.js';

export const XML002 = defineRule({
  meta: {
    code: 'XML002',
    name: 'dtd-refused',
    family: 'XML',
    stage: 'xml',
    severity: 'error',
    summary: 'The XML carries a DOCTYPE or entity declaration, which SAML forbids and samlint refuses to expand',
    facts: [],
    symptoms: ['invalid-saml-response'],
    messages: {
      declaration: {
        message: '`<!{{declaration}}` declarations are not allowed in SAML messages',
        help: 'SAML messages must not carry a DTD: no IdP emits one, so treat this response as tampered with or hand-made',
      },
    },
  },
  check(ctx) {
    const source = ctx.parsed?.source;
    for (const problem of ctx.parsed?.problems ?? []) {
      if (problem.kind !== 'doctype' || !source) continue;
      const end = problem.offset + 2 + problem.declaration.length;
      ctx.report({
        messageId: 'declaration',
        data: { declaration: problem.declaration },
        location: ctx.at.xmlSpan(source.span(problem.offset, end)),
      });
    }
  },
});
