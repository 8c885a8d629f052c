// A typed view of an IAM policy document (IAM JSON policy grammar): statements with their Effect,
// Principal, Action, Resource and Condition, each value keeping its JSON node so findings point into
// the policy file. Element names are matched as written (`Statement`, `Effect`, …); condition keys
// are not case-sensitive (IAM-COND), so they are compared lower-cased.
import { items, properties, property, stringOf } from '../json/tree.js';
import type { JsonDocument, JsonNode } from '../model/json.js';

export type PolicyKind = 'trust' | 'permission';

/** The policy language version that knows policy variables (`${aws:userid}`); older ones read them literally. */
export const POLICY_VERSION = '2012-10-17';

/** An IAM policy document: a JSON object with a `Statement` (IAM-ROLE, CX-SAML examples). */
export function isPolicy(root: JsonNode | undefined): boolean {
  return property(root, 'Statement') !== undefined;
}

/**
 * A trust policy names who may assume the role (`Principal`) or grants `sts:AssumeRole*`; anything
 * else is a permission policy. Only a policy the user gave as input needs guessing: the flags say.
 */
export function policyKind(root: JsonNode): PolicyKind {
  const statements = items(property(root, 'Statement'));
  const trust = statements.some(
    (statement) =>
      property(statement, 'Principal') !== undefined ||
      property(statement, 'NotPrincipal') !== undefined ||
      items(property(statement, 'Action')).some((action) => /^sts:AssumeRole/i.test(stringOf(action) ?? '')),
  );
  return trust ? 'trust' : 'permission';
}

/** One string of an element, with the node it was read from. */
export interface PolicyString {
  text: string;
  node: JsonNode;
}

/** `Action`/`NotAction` or `Resource`/`NotResource`: a string or a list of strings. */
export interface PolicyElement {
  /** The element's value node. */
  node: JsonNode;
  /** `NotAction`, `NotResource`: the statement applies to everything the values do not match. */
  negated: boolean;
  values: PolicyString[];
}

export interface PrincipalEntry {
  /** `AWS`, `Federated`, `Service`, `CanonicalUser`, as written. */
  type: string;
  values: PolicyString[];
}

export interface PrincipalElement {
  node: JsonNode;
  /** `NotPrincipal`. */
  negated: boolean;
  /** `"Principal": "*"`. */
  any: boolean;
  entries: PrincipalEntry[];
}

export interface ConditionOperator {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  name: string;
  /** Without set qualifier and `IfExists`, e.g. `StringLike`. */
  base: string;
  set?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
}

/** One operator → key → values entry of a Condition block. */
export interface PolicyCondition {
  operator: ConditionOperator;
  /** The key as written; compare with `conditionKeyIs`. */
  key: string;
  keyNode: JsonNode;
  /** The value node: a string, number, boolean or a list of them. */
  valuesNode: JsonNode;
  values: PolicyString[];
}

export type Effect = 'Allow' | 'Deny';

export interface PolicyStatement {
  node: JsonNode;
  /** 0-based position in `Statement`. */
  index: number;
  sid?: string;
  effect: Effect;
  principal?: PrincipalElement;
  action?: PolicyElement;
  resource?: PolicyElement;
  conditions: PolicyCondition[];
}

export type PolicyProblem =
  | { kind: 'statement-type'; node: JsonNode }
  | { kind: 'effect'; node: JsonNode; value?: string }
  | { kind: 'element-type'; node: JsonNode; element: string }
  | { kind: 'principal-type'; node: JsonNode; element: string }
  | { kind: 'element-conflict'; node: JsonNode; element: string }
  | { kind: 'action-missing'; node: JsonNode }
  | { kind: 'condition-type'; node: JsonNode };

export interface Policy {
  root: JsonNode;
  /** `Version` as written; undefined when absent. */
  version?: string;
  /** Statements samlint can read; those with a problem in their Effect are left out. */
  statements: PolicyStatement[];
  /** Why parts of the document are not a valid policy (IAM rejects them as MalformedPolicyDocument). */
  problems: PolicyProblem[];
}

const views = new WeakMap<JsonDocument, Policy | undefined>();

/** The typed view of a policy document, read once per document; undefined when it is not a policy at all. */
export function readPolicy(doc: JsonDocument): Policy | undefined {
  if (!views.has(doc)) views.set(doc, doc.root && isPolicy(doc.root) ? buildPolicy(doc.root) : undefined);
  return views.get(doc);
}

function buildPolicy(root: JsonNode): Policy {
  const problems: PolicyProblem[] = [];
  const statementNode = property(root, 'Statement') as JsonNode;
  const version = stringOf(property(root, 'Version'));
  // A lone statement object stands for a one-item list; readStatement reports anything else.
  const statements = items(statementNode).flatMap((node, index) => {
    const statement = readStatement(node, index, problems);
    return statement ? [statement] : [];
  });
  return { root, ...(version !== undefined && { version }), statements, problems };
}

function readStatement(node: JsonNode, index: number, problems: PolicyProblem[]): PolicyStatement | undefined {
  if (node.type !== 'object') {
    problems.push({ kind: 'statement-type', node });
    return undefined;
  }
  const effectNode = property(node, 'Effect');
  const effect = stringOf(effectNode);
  if (effect !== 'Allow' && effect !== 'Deny') {
    if (effectNode && effect === undefined) problems.push({ kind: 'element-type', node: effectNode, element: 'Effect' });
    else problems.push({ kind: 'effect', node: effectNode ?? node, ...(effect !== undefined && { value: effect }) });
    return undefined;
  }
  const statement: PolicyStatement = { node, index, effect, conditions: readConditions(node, problems) };
  const sid = stringOf(property(node, 'Sid'));
  if (sid !== undefined) statement.sid = sid;
  const principal = readPrincipal(node, problems);
  if (principal) statement.principal = principal;
  const action = readElement(node, 'Action', problems);
  if (action) statement.action = action;
  else if (property(node, 'Action') === undefined && property(node, 'NotAction') === undefined) {
    problems.push({ kind: 'action-missing', node });
  }
  const resource = readElement(node, 'Resource', problems);
  if (resource) statement.resource = resource;
  return statement;
}

/** `Action` or `NotAction` (likewise Resource): exactly one may be present. */
function readElement(statement: JsonNode, name: 'Action' | 'Resource', problems: PolicyProblem[]): PolicyElement | undefined {
  const plain = property(statement, name);
  const not = property(statement, `Not${name}`);
  if (plain && not) problems.push({ kind: 'element-conflict', node: not, element: name });
  const node = plain ?? not;
  if (!node) return undefined;
  return { node, negated: !plain, values: strings(node, plain ? name : `Not${name}`, problems) };
}

/** The strings of a string-or-list element; anything else is a problem and left out. */
function strings(node: JsonNode, element: string, problems: PolicyProblem[]): PolicyString[] {
  const found: PolicyString[] = [];
  if (node.type !== 'string' && node.type !== 'array') problems.push({ kind: 'element-type', node, element });
  else {
    for (const item of items(node)) {
      const text = stringOf(item);
      if (text === undefined) problems.push({ kind: 'element-type', node: item, element });
      else found.push({ text, node: item });
    }
  }
  return found;
}

function readPrincipal(statement: JsonNode, problems: PolicyProblem[]): PrincipalElement | undefined {
  const plain = property(statement, 'Principal');
  const not = property(statement, 'NotPrincipal');
  if (plain && not) problems.push({ kind: 'element-conflict', node: not, element: 'Principal' });
  const node = plain ?? not;
  if (!node) return undefined;
  const element = plain ? 'Principal' : 'NotPrincipal';
  const principal: PrincipalElement = { node, negated: !plain, any: stringOf(node) === '*', entries: [] };
  if (node.type === 'object') {
    for (const [key, value] of properties(node)) {
      principal.entries.push({ type: String(key.value), values: strings(value, `${element}.${String(key.value)}`, problems) });
    }
  } else if (!principal.any) {
    // A principal is `"*"` or an object of types (IAM JSON policy grammar).
    problems.push({ kind: 'principal-type', node, element });
  }
  return principal;
}

function readConditions(statement: JsonNode, problems: PolicyProblem[]): PolicyCondition[] {
  const block = property(statement, 'Condition');
  if (!block) return [];
  if (block.type !== 'object') {
    problems.push({ kind: 'condition-type', node: block });
    return [];
  }
  const conditions: PolicyCondition[] = [];
  for (const [operatorKey, keys] of properties(block)) {
    if (keys.type !== 'object') {
      problems.push({ kind: 'condition-type', node: keys });
      continue;
    }
    const operator = parseOperator(String(operatorKey.value));
    for (const [keyNode, valuesNode] of properties(keys)) {
      conditions.push({ operator, key: String(keyNode.value), keyNode, valuesNode, values: conditionValues(valuesNode, problems) });
    }
  }
  return conditions;
}

/** Condition values are strings, numbers or booleans, alone or in a list; each is compared as text. */
function conditionValues(node: JsonNode, problems: PolicyProblem[]): PolicyString[] {
  return items(node).flatMap((item) => {
    if (item.type === 'string' || item.type === 'number' || item.type === 'boolean') return [{ text: String(item.value), node: item }];
    problems.push({ kind: 'condition-type', node: item });
    return [];
  });
}

/** `ForAnyValue:StringLikeIfExists` → set `ForAnyValue`, base `StringLike`, ifExists. */
export function parseOperator(name: string): ConditionOperator {
  const qualifier = /^(ForAnyValue|ForAllValues):/i.exec(name);
  let base = qualifier ? name.slice(qualifier[0].length) : name;
  const ifExists = /IfExists$/i.test(base);
  if (ifExists) base = base.slice(0, -'IfExists'.length);
  const operator: ConditionOperator = { name, base, ifExists };
  if (qualifier) operator.set = qualifier[1]?.toLowerCase() === 'foranyvalue' ? 'ForAnyValue' : 'ForAllValues';
  return operator;
}

/** Whether a condition's key is `key`: condition keys are not case-sensitive (IAM-COND). */
export function conditionKeyIs(condition: PolicyCondition, key: string): boolean {
  return condition.key.toLowerCase() === key.toLowerCase();
}

/** How findings name a statement: by its Sid, else by its position. */
export function statementLabel(statement: PolicyStatement): string {
  return statement.sid ? `statement \`${statement.sid}\`` : `statement ${statement.index + 1}`;
}
