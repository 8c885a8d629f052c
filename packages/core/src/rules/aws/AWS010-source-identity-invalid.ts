import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { attributesNamed } from '../../saml/response.js';
import { textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { stsNameProblems } from './_shared.js';

const HELP =
  'map SourceIdentity to a stable user ID or email (2 to 64 characters of `A-Z a-z 0-9 _ + = , . @ -`, not starting with `aws:`), one value, and allow `sts:SetSourceIdentity` in the role trust policy';
const STS_ERROR =
  'STS answers: Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:" (service: AWSSecurityTokenService; status code: 400; error code: InvalidIdentityToken)';

export const AWS010 = defineRule({
  meta: {
    code: 'AWS010',
    name: 'source-identity-invalid',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'SourceIdentity is not one value of 2 to 64 allowed characters that does not start with `aws:`',
    facts: ['AWS-SI-001'],
    symptoms: ['source-identity-must-match'],
    messages: {
      valueCount: { message: 'SourceIdentity has {{count}} values, not 1', help: HELP },
      reserved: { message: 'SourceIdentity `{{value}}` starts with the reserved prefix `aws:`', help: HELP },
      empty: { message: 'SourceIdentity is empty', help: HELP },
      characters: { message: 'SourceIdentity `{{value}}` contains {{characters}}, which STS does not allow', help: HELP },
      tooShort: { message: 'SourceIdentity `{{value}}` has {{length}} character, under the minimum of 2', help: HELP },
      tooLong: { message: 'SourceIdentity has {{length}} characters, over the maximum of 64', help: HELP },
      surroundingWhitespace: {
        message: 'SourceIdentity `{{value}}` has whitespace around it',
        help: 'emit the value with nothing around it: a pretty-printed AttributeValue or a claim expression that pads the value; AWS does not say whether STS trims it',
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    const attributes = attributesNamed(ctx.response, AWS_ATTRIBUTE.sourceIdentity);
    const values = attributes.flatMap((a) => a.values);
    const first = attributes[0];
    if (first && values.length !== 1) {
      // AWS documents one value and says nothing of what several do (facts §5), so this one is a warning.
      const severity = values.length > 1 ? 'warning' : 'error';
      const location = ctx.at.element(first.element);
      ctx.report({ messageId: 'valueCount', data: { count: values.length }, location, severity });
    }
    for (const element of values) {
      const value = textOf(element);
      const location = ctx.at.content(element);
      // `:` is not an allowed character either, so the reserved prefix explains the problem better on its own.
      const problems = /^aws:/i.test(value.trim()) ? [{ messageId: 'reserved' as const, data: { value } }] : stsNameProblems(value);
      for (const problem of problems) ctx.report({ ...problem, location, notes: 'severity' in problem && problem.severity ? [] : [STS_ERROR] });
    }
  },
});
