import type { Capture, CaptureProblem } from '../../model/capture.js';
import type { Report, RuleContext } from '../../model/rule.js';

/**
 * The rule that reports each kind of capture problem. Every kind has one, by type: a new kind does not
 * compile until it is listed here, nor until the rule's `reportCaptureProblems` table handles it.
 */
export const CAPTURE_PROBLEM_RULES = {
  empty: 'IN001',
  'input-too-large': 'IN001',
  unrecognized: 'IN001',
  'json-invalid': 'IN001',
  'json-unrecognized': 'IN001',
  'no-saml-response-field': 'IN001',
  'page-too-large': 'IN001',
  'invalid-base64': 'IN002',
  truncated: 'IN003',
  deflated: 'IN004',
  'deflate-bomb': 'IN004',
  'double-url-encoded': 'IN005',
  'response-too-large': 'IN006',
  'response-too-small': 'IN006',
  'not-xml': 'IN007',
  'not-utf8': 'IN007',
  'saml-request': 'IN008',
  'no-login': 'IN012',
  'container-malformed': 'IN012',
  'post-data-missing': 'IN013',
  'value-masked': 'IN014',
  // Not wrong in itself: IN015 reports it when a digest fails on a copy that may not be the signed bytes.
  'decoded-copy': 'IN015',
  'parameter-repeated': 'IN016',
  'responses-back-to-back': 'IN017',
} as const satisfies Record<CaptureProblem['kind'], `IN${number}`>;

type ProblemRules = typeof CAPTURE_PROBLEM_RULES;

/** The code of a rule that reports capture problems. */
export type CaptureRuleCode = ProblemRules[keyof ProblemRules];

/** The kinds of capture problem rule `C` reports. */
export type KindReportedBy<C extends CaptureRuleCode> = { [K in keyof ProblemRules]: ProblemRules[K] extends C ? K : never }[keyof ProblemRules];

/** A capture problem of kind `K`, with that kind's fields. */
export type ProblemOfKind<K extends CaptureProblem['kind']> = Extract<CaptureProblem, { kind: K }>;

/** How a rule reports each kind of problem it owns: a report, or none when the case calls for none. */
export type CaptureProblemReports<C extends CaptureRuleCode, R extends Report = Report> = {
  [K in KindReportedBy<C>]: (problem: ProblemOfKind<K>) => R | undefined;
};

/** The capture's problems that rule `code` reports, in the order decoding found them. */
export function captureProblemsOf<C extends CaptureRuleCode>(capture: Capture, code: C): ProblemOfKind<KindReportedBy<C>>[] {
  return capture.problems.filter((problem): problem is ProblemOfKind<KindReportedBy<C>> => CAPTURE_PROBLEM_RULES[problem.kind] === code);
}

/** The reports a rule's context takes (its rule's, from `defineRule`); read from the context alone, so the table's object literals keep their message ids. */
type ReportsOf<X> = X extends RuleContext<infer R> ? R : never;

/** Reports each of the capture's problems that rule `code` owns, as its table says for the problem's kind. */
export function reportCaptureProblems<C extends CaptureRuleCode, X extends RuleContext<Report>>(ctx: X, code: C, reports: CaptureProblemReports<C, ReportsOf<X>>): void {
  for (const problem of captureProblemsOf(ctx.capture, code)) {
    // The table's entry for this problem's kind takes this problem's type; TypeScript cannot follow the pairing through the index.
    const report = (reports[problem.kind as KindReportedBy<C>] as (problem: CaptureProblem) => ReportsOf<X> | undefined)(problem);
    if (report) ctx.report(report);
  }
}
