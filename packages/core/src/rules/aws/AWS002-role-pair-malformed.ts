import type { IamArnType } from '../../aws/arn.js';
import { roleValues, type RolePair, type RolePairPart } from '../../aws/role.js';
import type { ReportOf } from '../../model/rule.js';
import { describeArnDefect } from '../../aws/arn.js';
import { locateInText } from '../_shared.js';
import { defineRule } from '../define-rule.js';

const ARN_NAME: Record<IamArnType, string> = { role: 'role ARN', 'saml-provider': 'saml-provider ARN' };
const PAIR_HELP =
  'each Role value must be `arn:aws:iam::ACCOUNT:role/ROLE,arn:aws:iam::ACCOUNT:saml-provider/PROVIDER`: fix the role mapping in the IdP (Okta role/group mapping, Entra ID app roles, ADFS claim rule), one pair per `AttributeValue`';

export const AWS002 = defineRule({
  meta: {
    code: 'AWS002',
    name: 'role-pair-malformed',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'A Role value is not one role ARN and one saml-provider ARN separated by a comma',
    facts: ['AWS-ROLE-002', 'AWS-ROLE-004'],
    symptoms: ['invalid-saml-response', 'provider-does-not-exist'],
    messages: {
      empty: {
        message: 'Role value is empty',
        help: PAIR_HELP,
      },
      notPair: {
        message: 'Role value `{{value}}` is not a role-provider pair: it is {{found}}',
        help: `${PAIR_HELP}; a bare role name (from a group-name mapping) must be expanded to both full ARNs`,
      },
      emptyPart: {
        message: 'Role value has an empty part: a {{comma}} comma',
        help: PAIR_HELP,
      },
      tooManyParts: {
        message: 'Role value has {{count}} comma-separated parts, not 2',
        help: `${PAIR_HELP}; several roles are several \`AttributeValue\` elements, not one longer value`,
      },
      sameKind: {
        message: 'Role value has two {{kind}}s and no {{missing}}',
        help: PAIR_HELP,
      },
      badPart: {
        message: '{{part}} `{{text}}` {{reason}}',
        help: PAIR_HELP,
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    for (const { element, pair } of roleValues(ctx.response)) {
      for (const problem of problems(pair)) {
        const { start, end } = problem.part ?? { start: 0, end: pair.value.length };
        ctx.report({ ...problem.report, location: locateInText(ctx, element, start, end) });
      }
    }
  },
});

interface Problem {
  report: ReportOf<typeof AWS002>;
  /** The part to point at; the whole value when absent. */
  part?: Pick<RolePairPart, 'start' | 'end'>;
}

/** What is wrong with a Role value, most basic first: its shape, then the two ARNs one by one. */
function problems(pair: RolePair): Problem[] {
  const { parts, value } = pair;
  if (value.trim() === '') return [{ report: { messageId: 'empty' } }];
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only) return [{ report: { messageId: 'notPair', data: { value: only.text, found: describeLone(only) } } }];
  const emptyAt = parts.findIndex((p) => p.text === '');
  const empty = parts[emptyAt];
  if (empty) {
    // Point at the comma (or both commas) around the empty part.
    const leading = emptyAt === 0;
    const trailing = emptyAt === parts.length - 1;
    const comma = leading ? 'leading' : trailing ? 'trailing' : 'doubled';
    const part = { start: leading ? empty.rawEnd : empty.rawStart - 1, end: trailing ? empty.rawStart : empty.rawEnd + 1 };
    return [{ report: { messageId: 'emptyPart', data: { comma } }, part }];
  }
  if (parts.length > 2) return [{ report: { messageId: 'tooManyParts', data: { count: parts.length } } }];
  const [first, second] = parts as [RolePairPart, RolePairPart];
  const kind = first.parsed.type;
  if (kind && kind === second.parsed.type) {
    const missing = kind === 'role' ? 'saml-provider' : 'role';
    return [{ report: { messageId: 'sameKind', data: { kind: ARN_NAME[kind], missing: ARN_NAME[missing] } } }];
  }
  return [first, second].flatMap((part, i): Problem[] => {
    const defect = part.parsed.defect;
    if (!defect) return [];
    const name = part.parsed.type ? ARN_NAME[part.parsed.type] : i === 0 ? 'first part' : 'second part';
    const data = { part: name, text: part.text, reason: describeArnDefect(defect) };
    return [{ report: { messageId: 'badPart', data }, part }];
  });
}

function describeLone(part: RolePairPart): string {
  if (part.parsed.type) return `only a ${ARN_NAME[part.parsed.type]}`;
  return part.parsed.defect?.kind === 'not-an-arn' ? 'not an ARN' : 'an ARN of neither kind';
}
