import { TAG_CHARACTER, characterLength, invalidCharacters } from '../../aws/charset.js';
import type { Rule } from '../../model/rule.js';
import { textOf } from '../../xml/dom.js';
import { principalTags } from '../../aws/attributes.js';
import { describeCharacters } from '../../aws/charset.js';

const MAX_TAGS = 50;
const MAX_KEY = 128;
const MAX_VALUE = 256;
const RESERVED = /^aws:/i;
const HELP =
  'session tags: at most 50 PrincipalTag attributes, each with one value; keys 1 to 128 and values up to 256 letters, digits, spaces or `_ . : / = + - @`, neither starting with `aws:`; fix the PrincipalTag mappings in the IdP (and allow `sts:TagSession` in the role trust policy)';

export const AWS011: Rule = {
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
        const problem = tagTextProblem(key, MAX_KEY);
        if (problem) ctx.report({ messageId: KEY_MESSAGE[problem.kind], data: { key, ...problem.data }, location: nameLocation });
      }
      // "AWS STS does not support multi-valued session tags" (facts §5): exactly one value, which may be empty.
      if (attribute.values.length !== 1) {
        const location = ctx.at.element(attribute.element);
        ctx.report({ messageId: 'valueCount', data: { key, count: attribute.values.length }, location });
      }
      for (const element of attribute.values) {
        const value = textOf(element);
        const problem = value === '' ? undefined : tagTextProblem(value, MAX_VALUE);
        if (!problem) continue;
        const data = { key, value, ...problem.data };
        ctx.report({ messageId: VALUE_MESSAGE[problem.kind], data, location: ctx.at.content(element) });
      }
    }
  },
};

type TagTextProblemKind = 'reserved' | 'characters' | 'tooLong';
interface TagTextProblem {
  kind: TagTextProblemKind;
  data: Record<string, string | number>;
}
const KEY_MESSAGE: Record<TagTextProblemKind, string> = {
  reserved: 'keyReserved',
  characters: 'keyCharacters',
  tooLong: 'keyTooLong',
};
const VALUE_MESSAGE: Record<TagTextProblemKind, string> = {
  reserved: 'valueReserved',
  characters: 'valueCharacters',
  tooLong: 'valueTooLong',
};

/** The first problem of a non-empty tag key or value: the reserved prefix, then characters, then length. */
function tagTextProblem(text: string, max: number): TagTextProblem | undefined {
  if (RESERVED.test(text)) return { kind: 'reserved', data: {} };
  const characters = invalidCharacters(text, TAG_CHARACTER);
  if (characters.length) return { kind: 'characters', data: { characters: describeCharacters(characters) } };
  const length = characterLength(text);
  return length > max ? { kind: 'tooLong', data: { length } } : undefined;
}
