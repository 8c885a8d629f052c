import type { JsonDocument } from '../../model/json.js';
import { readPolicy, type PolicyProblem } from '../../iam/policy.js';
import type { ContextOf, ReportOf } from '../../model/rule.js';
import { defineRule } from '../define-rule.js';

const HELP =
  'give the policy exactly as IAM shows it (`aws iam get-role --role-name ROLE --query Role.AssumeRolePolicyDocument` for the trust policy, `aws iam get-role-policy` or `aws iam get-policy-version` for a permission policy), as strict JSON';
const GRAMMAR =
  'IAM rejects this as `MalformedPolicyDocument`: each statement is an object with `"Effect": "Allow"` or `"Deny"`, an `Action` (or `NotAction`) that is a string or a list of strings, and a `Condition` of `{"Operator": {"key": value or [values]}}`';

export const IAM001 = defineRule({
  meta: {
    code: 'IAM001',
    name: 'policy-unreadable',
    family: 'IAM',
    stage: 'policy',
    severity: 'error',
    summary: 'The trust or permission policy is not valid JSON, not an IAM policy, or has statements IAM would reject',
    facts: ['AWS-TP-001', 'CX-PERM-001'],
    symptoms: [],
    messages: {
      syntax: { message: 'the {{policy}} is not valid JSON ({{detail}})', help: HELP },
      limit: { message: 'the {{policy}} is beyond what samlint reads: {{detail}}', help: HELP },
      notPolicy: { message: 'the {{policy}} is JSON but not an IAM policy: it has no `Statement`', help: HELP },
      statementType: { message: 'a statement of the {{policy}} is not a JSON object', help: GRAMMAR },
      effect: { message: '`Effect` is `{{effect}}`, not `Allow` or `Deny`', help: GRAMMAR },
      effectMissing: { message: 'a statement has no `Effect`', help: GRAMMAR },
      elementType: { message: '`{{element}}` holds a value that is not a string', help: GRAMMAR },
      principalType: { message: '`{{element}}` is neither `"*"` nor an object such as `{"Federated": …}`', help: GRAMMAR },
      elementConflict: { message: 'a statement has both `{{element}}` and `Not{{element}}`', help: GRAMMAR },
      actionMissing: { message: 'a statement has neither `Action` nor `NotAction`', help: GRAMMAR },
      conditionType: { message: '`Condition` is not an object of operators, keys and values', help: GRAMMAR },
    },
  },
  check(ctx) {
    if (ctx.env.trustPolicy) checkDocument(ctx, ctx.env.trustPolicy, 'trust policy');
    if (ctx.env.permissionPolicy) checkDocument(ctx, ctx.env.permissionPolicy, 'permission policy');
  },
});

function checkDocument(ctx: ContextOf<typeof IAM001>, doc: JsonDocument, policy: string): void {
  // A policy given as the input reached the engine only after it parsed as one; IN001 reports the rest.
  // The parser's first error is where the text breaks; the ones after it follow from it.
  const problem = doc.problems[0];
  if (problem) {
    const end = problem.offset + (problem.kind === 'syntax' ? problem.length : 1);
    const location = { artifact: doc.artifact, span: doc.source.span(problem.offset, end) };
    if (problem.kind === 'syntax') ctx.report({ messageId: 'syntax', data: { policy, detail: `${problem.detail} at offset ${problem.offset}` }, location });
    else ctx.report({ messageId: 'limit', data: { policy, detail: problem.detail }, location });
  }
  if (!doc.root) return;
  const view = readPolicy(doc);
  if (!view) {
    ctx.report({ messageId: 'notPolicy', data: { policy }, location: ctx.at.json(doc, doc.root) });
    return;
  }
  for (const problem of view.problems) {
    ctx.report({ ...describe(problem, policy), location: ctx.at.json(doc, problem.node) });
  }
}

function describe(problem: PolicyProblem, policy: string): ReportOf<typeof IAM001> {
  switch (problem.kind) {
    case 'statement-type':
      return { messageId: 'statementType', data: { policy } };
    case 'effect':
      return problem.value === undefined ? { messageId: 'effectMissing', data: {} } : { messageId: 'effect', data: { effect: problem.value } };
    case 'element-type':
      return { messageId: 'elementType', data: { element: problem.element } };
    case 'principal-type':
      return { messageId: 'principalType', data: { element: problem.element } };
    case 'element-conflict':
      return { messageId: 'elementConflict', data: { element: problem.element } };
    case 'action-missing':
      return { messageId: 'actionMissing', data: {} };
    case 'condition-type':
      return { messageId: 'conditionType', data: {} };
  }
}
