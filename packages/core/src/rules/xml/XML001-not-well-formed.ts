import { defineRule } from '../define-rule.js';

export const XML001 = defineRule({
  meta: {
    code: 'XML001',
    name: 'not-well-formed',
    family: 'XML',
    stage: 'xml',
    severity: 'error',
    summary: 'The decoded SAMLResponse is not well-formed XML',
    facts: [],
    symptoms: ['invalid-saml-response', 'signature-invalid'],
    messages: {
      malformed: {
        message: 'not well-formed XML: {{detail}}',
        help: 'if this is the IdP’s own output, a template or attribute mapping is emitting raw `<`, `&` or broken tags: escape values in the IdP; if you edited the XML by hand, undo the edit',
      },
    },
  },
  check(ctx) {
    const source = ctx.parsed?.source;
    for (const problem of ctx.parsed?.problems ?? []) {
      if (problem.kind !== 'not-well-formed' || !source) continue;
      const offset = source.offsetOf(problem.line, problem.column);
      ctx.report({ messageId: 'malformed', data: { detail: problem.detail }, location: ctx.at.xmlSpan(source.span(offset, offset + 1)) });
    }
  },
});
