// Helpers the XSD rules share. Not a rule: index.ts does not export this module.
import type { RuleContext } from '../../model/rule.js';
import { readSoapEnvelope } from '../../saml/soap.js';
import { hasSchemaFor, schemaViolations, type Violation } from '../../xsd/validate.js';

/**
 * The SAML documents samlint reads, as schema validation sees them (decision 0007): the message (a
 * SOAP envelope's payload), the decrypted assertion, and the metadata given with --metadata. Each is
 * validated once per lint however many XSD rules ask.
 */
function schemaRoots(ctx: RuleContext): Element[] {
  const roots: Element[] = [];
  const root = ctx.xml?.root;
  const message = root && (readSoapEnvelope(root)?.payload ?? root);
  if (message && hasSchemaFor(message)) roots.push(message);
  const assertion = ctx.response?.assertion;
  if (assertion && ctx.xml && assertion.ownerDocument !== ctx.xml.document) roots.push(assertion.ownerDocument.documentElement);
  if (ctx.metadata?.artifact === 'metadata' && hasSchemaFor(ctx.metadata.doc.root)) roots.push(ctx.metadata.doc.root);
  return roots;
}

/**
 * Findings one XSD rule reports in one lint, at most. A document that breaks the schema thousands of
 * times (a fuzzed one: 3,300 unexpected siblings) needs its first hundred to be fixed, and turning every
 * violation into a finding cost it more than the 100 ms budget of the fuzz replay.
 */
const MAX_VIOLATIONS_PER_RULE = 100;

/** The violations of these kinds in every document the lint read, in document order, the first MAX_VIOLATIONS_PER_RULE. */
export function violationsOf<K extends Violation['kind']>(ctx: RuleContext, ...kinds: K[]): Extract<Violation, { kind: K }>[] {
  const found: Extract<Violation, { kind: K }>[] = [];
  for (const root of schemaRoots(ctx)) {
    for (const violation of schemaViolations(root)) {
      if (!isOfKind(violation, kinds)) continue;
      found.push(violation);
      if (found.length === MAX_VIOLATIONS_PER_RULE) return found;
    }
  }
  return found;
}

function isOfKind<K extends Violation['kind']>(violation: Violation, kinds: readonly K[]): violation is Extract<Violation, { kind: K }> {
  return (kinds as readonly string[]).includes(violation.kind);
}

/** A list of names as a message shows it: `a`, `a` or `b`, `a`, `b` or `c`. */
export function oneOf(names: readonly string[]): string {
  const quoted = names.map((name) => (name.includes(' ') ? name : `\`${name}\``));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

const SHOWN_VALUE = 60;

/** A value short enough for a one-line message: a certificate's whole base64 says nothing more than its start. */
export function shown(value: string): string {
  return value.length > SHOWN_VALUE ? `${value.slice(0, SHOWN_VALUE)}…` : value;
}
