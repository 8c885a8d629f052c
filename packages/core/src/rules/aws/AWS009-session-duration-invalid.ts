import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { attributesNamed } from '../../saml/response.js';
import { textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const MIN_SECONDS = 900;
const MAX_SECONDS = 43200;
const HELP =
  'send one whole number of seconds from 900 (15 minutes) to 43200 (12 hours), e.g. `43200`, with no unit or decimal point: fix the SessionDuration mapping or constant in the IdP';

export const AWS009 = defineRule({
  meta: {
    code: 'AWS009',
    name: 'session-duration-invalid',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'SessionDuration is not one whole number of seconds from 900 to 43200',
    facts: ['AWS-SD-001'],
    symptoms: ['invalid-saml-response'],
    messages: {
      valueCount: { message: 'SessionDuration has {{count}} values, not 1', help: HELP },
      notInteger: { message: 'SessionDuration `{{value}}` is not a whole number of seconds', help: HELP },
      outOfRange: { message: 'SessionDuration `{{value}}` is outside 900 to 43200 seconds', help: HELP },
      surroundingWhitespace: {
        message: 'SessionDuration `{{value}}` has whitespace around it',
        help: 'emit the number with nothing around it: a pretty-printed AttributeValue or a claim expression that pads the value; AWS does not say whether it trims it',
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    const attributes = attributesNamed(ctx.response, AWS_ATTRIBUTE.sessionDuration);
    const values = attributes.flatMap((a) => a.values);
    const first = attributes[0];
    if (first && values.length !== 1) {
      ctx.report({ messageId: 'valueCount', data: { count: values.length }, location: ctx.at.element(first.element) });
    }
    for (const element of values) {
      const raw = textOf(element);
      const location = () => ctx.at.content(element);
      // Padding is a warning, as on Role (AWS003) and RoleSessionName (AWS007): AWS says nothing about
      // whitespace (facts §4), and a pretty-printed number is still the number.
      const value = /^\s*\d+\s*$/.test(raw) ? raw.trim() : raw;
      if (value !== raw) ctx.report({ messageId: 'surroundingWhitespace', data: { value: raw }, severity: 'warning', location: location() });
      if (!/^\d+$/.test(value)) {
        ctx.report({ messageId: 'notInteger', data: { value }, location: location() });
      } else if (Number(value) < MIN_SECONDS || Number(value) > MAX_SECONDS) {
        ctx.report({ messageId: 'outOfRange', data: { value }, location: location() });
      }
    }
  },
});
