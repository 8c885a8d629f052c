import { roleValues } from '../../aws/role.js';
import { locateInText } from '../_shared.js';
import { defineRule } from '../define-rule.js';

export const AWS003 = defineRule({
  meta: {
    code: 'AWS003',
    name: 'role-pair-whitespace',
    family: 'AWS',
    stage: 'response',
    severity: 'warning',
    summary: 'A Role value has whitespace around an ARN',
    facts: ['AWS-ROLE-002'],
    symptoms: ['invalid-saml-response'],
    messages: {
      whitespace: {
        message: 'Role value has whitespace {{where}}',
        help: 'emit the pair as `ROLE-ARN,PROVIDER-ARN` with nothing around the comma or the value: check the IdP’s role mapping or claim expression for spaces, line breaks or padding',
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    for (const { element, pair } of roleValues(ctx.response)) {
      // An all-blank value is AWS002's to report.
      if (pair.value.trim() === '') continue;
      const last = pair.parts.length - 1;
      pair.parts.forEach((part, i) => {
        const runs: Array<[number, number, string]> = [
          [part.rawStart, part.start, i === 0 ? 'before the value' : 'after a comma'],
          [part.end, part.rawEnd, i === last ? 'after the value' : 'before a comma'],
        ];
        for (const [start, end, where] of runs) {
          if (end === start) continue;
          ctx.report({ messageId: 'whitespace', data: { where }, location: locateInText(ctx, element, start, end) });
        }
      });
    }
  },
});
