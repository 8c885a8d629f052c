import { TAG_CHARACTER, characterLength, invalidCharacters } from '../../aws/charset.js';
import { textOf } from '../../xml/dom.js';
import { principalTags } from '../../aws/attributes.js';
import { describeCharacters } from '../../aws/charset.js';
import { defineRule } from '../define-rule.js';

const MAX_TAGS = 50;
const MAX_KEY = 128;
const MAX_VALUE = 256;
const RESERVED = /^aws:/i;
const HELP =
  'session tags: at most 50 PrincipalTag attributes, each with one value; keys 1 to 128 and values up to 256 letters, digits, spaces or `_ . : / = + - @`, neither starting with `aws:`; fix the PrincipalTag mappings in the IdP (and allow `sts:TagSession` in the role trust policy)';

export const AWS011 = defineRule({
  meta: {
    code: 'AWS011',
    name: 'principal-tag-invalid',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'A PrincipalTag session tag breaks STS’s limits on count, key, value or cardinality',
    facts: ['AWS-TAG-001'],
    symptoms: ['invalid-saml-response'],
    messages: {
      tooMany: { message: '{{count}} PrincipalTag attributes, over the maximum of 50 session tags', help: HELP },
      keyEmpty: { message: 'PrincipalTag attribute has an empty tag key', help: HELP },
      keyReserved: { message: 'tag key `{{key}}` starts with the reserved prefix `aws:`', help: HELP },
      keyCharacters: { message: 'tag key `{{key}}` contains {{characters}}, which STS does not allow', help: HELP },
      keyTooLong: { message: 'tag key `{{key}}` has {{length}} characters, over the maximum of 128', help: HELP },
      valueCount: { message: 'tag `{{key}}` has {{count}} values, not 1', help: HELP },
      valueReserved: { message: 'value `{{value}}` of tag `{{key}}` starts with the reserved prefix `aws:`', help: HELP },
      valueCharacters: {
        message: 'value `{{value}}` of tag `{{key}}` contains {{characters}}, which STS does not allow',
        help: HELP,
      },
      valueTooLong: { message: 'value of tag `{{key}}` has {{length}} characters, over the maximum of 256', help: HELP },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    const tags = principalTags(ctx.response);
    const firstOverLimit = tags[MAX_TAGS];
    if (firstOverLimit) {
      const location = ctx.at.element(firstOverLimit.attribute.element);
      ctx.report({ messageId: 'tooMany', data: { count: tags.length }, location });
    }
    for (const { attribute, key } of tags) {
      const nameLocation = ctx.at.attribute(attribute.element, 'Name');
      if (key === '') {
        ctx.report({ messageId: 'keyEmpty', location: nameLocation });
      } else {
        const problem = tagTextProblem('key', key, MAX_KEY, { key });
        if (problem) ctx.report({ ...problem, location: nameLocation });
      }
      // "AWS STS does not support multi-valued session tags" (facts §5): exactly one value, which may be empty.
      if (attribute.values.length !== 1) {
        const location = ctx.at.element(attribute.element);
        ctx.report({ messageId: 'valueCount', data: { key, count: attribute.values.length }, location });
      }
      for (const element of attribute.values) {
        const value = textOf(element);
        const problem = value === '' ? undefined : tagTextProblem('value', value, MAX_VALUE, { key, value });
        if (!problem) continue;
        ctx.report({ ...problem, location: ctx.at.content(element) });
      }
    }
  },
});

/**
 * The first problem of a non-empty tag key or value (`part`): the reserved prefix, then characters,
 * then length; as the report of that part's message, with `data` and what the message adds to it.
 */
function tagTextProblem<Part extends 'key' | 'value', Data extends object>(part: Part, text: string, max: number, data: Data) {
  if (RESERVED.test(text)) return { messageId: `${part}Reserved` as const, data };
  const characters = invalidCharacters(text, TAG_CHARACTER);
  if (characters.length) return { messageId: `${part}Characters` as const, data: { ...data, characters: describeCharacters(characters) } };
  const length = characterLength(text);
  return length > max ? { messageId: `${part}TooLong` as const, data: { ...data, length } } : undefined;
}
