import type { LintResult } from './engine.js';
import type { Finding, Severity } from './model/finding.js';
import { SEVERITY_RANK } from './model/finding.js';
import type { Rule, Stage } from './model/rule.js';
import { CONTEXT_OPTIONS, NEED_FLAGS, meetsNeed } from './model/context-options.js';
import { RULES } from './rules/index.js';
import { SYMPTOMS, type SymptomId } from './model/symptoms.js';
import { SYMPTOM_GUIDE, type OutsideCause } from './symptoms.js';

/**
 * How a pasted message was recognised: `exact` names one message, `several` names more than one
 * (the paste holds several), `ambiguous` only has words several messages share ("Access denied"),
 * `unknown` is none samlint knows.
 */
export type MessageMatch = 'exact' | 'several' | 'ambiguous' | 'unknown';

export interface Recognition {
  match: MessageMatch;
  /** In SYMPTOMS order; empty when unknown. */
  symptoms: SymptomId[];
}

/** Lowercase words separated by single spaces, padded, so phrases match whole words whatever the punctuation, case or line breaks. */
function words(text: string): string {
  const plain = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${plain} `;
}

const IDS = Object.keys(SYMPTOMS) as SymptomId[];

// Each message's own words count as a phrase too, so a paste of the whole message always names it.
const PHRASES = new Map(IDS.map((id) => [id, [SYMPTOMS[id], ...SYMPTOM_GUIDE[id].phrases].map(words)]));
const HINTS = new Map(IDS.map((id) => [id, SYMPTOM_GUIDE[id].hints.map(words)]));

/** Which of the messages of facts §12 a pasted text is: with or without prefixes and the `(service: …)` suffix, in any case, cut short. */
export function recogniseMessage(text: string): Recognition {
  const said = words(text);
  const having = (table: Map<SymptomId, string[]>) => IDS.filter((id) => table.get(id)?.some((phrase) => said.includes(phrase)));
  const named = having(PHRASES);
  if (named.length) return { match: named.length === 1 ? 'exact' : 'several', symptoms: named };
  const hinted = having(HINTS);
  if (hinted.length) return { match: hinted.length === 1 ? 'exact' : 'ambiguous', symptoms: hinted };
  return { match: 'unknown', symptoms: [] };
}

/** A finding of one of the captures, and which capture. */
export interface SourcedFinding {
  source: string;
  finding: Finding;
}

export interface WhyCapture {
  source: string;
  result: LintResult;
}

export interface RuleRef {
  code: string;
  name: string;
  summary: string;
}

export interface UncheckedCause extends RuleRef {
  /** It reads a SAMLResponse, and none was given. */
  needsCapture: boolean;
  /** The flags that would let it run. */
  flags: string[];
}

export interface Diagnosis {
  symptom: SymptomId;
  message: string;
  shownBy: string;
  /** Findings of rules that cause this message: errors, then warnings, then infos. */
  likely: SourcedFinding[];
  /** Rules that cause this message but could not run, and what would let them. */
  unchecked: UncheckedCause[];
  /** Rules that cause this message, ran and found nothing. */
  ruledOut: RuleRef[];
  /** Causes outside what samlint reads. */
  otherCauses: OutsideCause[];
}

export interface WhyReport {
  recognition: Recognition;
  /** One per recognised message; an ambiguous message's most likely candidates first. */
  diagnoses: Diagnosis[];
  /** Errors and warnings of rules that cause none of the recognised messages: also wrong in these captures. */
  alsoWrong: SourcedFinding[];
  /** Every message samlint knows, when it knew none in the text. */
  known?: { symptom: SymptomId; message: string }[];
}

type Status =
  | { kind: 'fired'; findings: SourcedFinding[] }
  | { kind: 'unchecked'; needsCapture: boolean; flags: string[] }
  | { kind: 'ruled-out' }
  | { kind: 'not-applicable' };

const STATUS_ORDER: Record<Status['kind'], number> = { fired: 0, unchecked: 1, 'ruled-out': 2, 'not-applicable': 3 };

const READS_RESPONSE: readonly Stage[] = ['capture', 'xml', 'response'];

/** What a rule whose stage was not reached needs: a SAMLResponse, the metadata, or a policy. */
function unreached(rule: Rule): Status {
  const { stage, needs = [] } = rule.meta;
  const flags = needs.map((need) => NEED_FLAGS[need]);
  // Metadata and policy rules read the input when it is one, or else the document a flag names.
  if (stage === 'metadata' && !needs.some((need) => meetsNeed('metadata', need))) flags.unshift(CONTEXT_OPTIONS.metadata.flag);
  if (stage === 'sp-metadata') flags.unshift('AWS’s saml-metadata.xml as the input');
  if (stage === 'config') flags.unshift('the IdP configuration (a Terraform plan, an Okta app, a Keycloak export) as the input');
  if (stage === 'policy' && !needs.some((need) => meetsNeed('trustPolicy', need) || meetsNeed('permissionPolicy', need))) {
    flags.unshift(NEED_FLAGS.trustPolicy, NEED_FLAGS.permissionPolicy);
  }
  return { kind: 'unchecked', needsCapture: READS_RESPONSE.includes(stage), flags };
}

/** A rule's status in one capture. A rule that did not run where its stage was reached was left out on purpose (profile, Global Resiliency). */
function statusIn(rule: Rule, capture: WhyCapture): Status {
  const { code } = rule.meta;
  const findings = capture.result.findings.filter((f) => f.code === code).map((finding) => ({ source: capture.source, finding }));
  if (findings.length) return { kind: 'fired', findings };
  const unchecked = capture.result.unchecked.find((u) => u.code === code);
  if (unchecked) return { kind: 'unchecked', needsCapture: false, flags: unchecked.flags };
  if (capture.result.checked?.includes(code)) return { kind: 'ruled-out' };
  return capture.result.stages[rule.meta.stage].ran ? { kind: 'not-applicable' } : unreached(rule);
}

/** Across captures the most telling status wins: fired anywhere, then could not run somewhere, then ran clean. */
function statusAcross(rule: Rule, captures: readonly WhyCapture[]): Status {
  if (!captures.length) return unreached(rule);
  const statuses = captures.map((capture) => statusIn(rule, capture));
  const fired = statuses.flatMap((s) => (s.kind === 'fired' ? s.findings : []));
  if (fired.length) return { kind: 'fired', findings: fired };
  return statuses.reduce((best, s) => (STATUS_ORDER[s.kind] < STATUS_ORDER[best.kind] ? s : best));
}

const ref = (rule: Rule): RuleRef => ({ code: rule.meta.code, name: rule.meta.name, summary: rule.meta.summary });

/** Errors first, then warnings, then infos; ties keep the order given (sort is stable). */
const bySeverity = (a: SourcedFinding, b: SourcedFinding) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity];

function diagnose(symptom: SymptomId, captures: readonly WhyCapture[], rules: readonly Rule[]): Diagnosis {
  const causing = rules.filter((rule) => rule.meta.symptoms.includes(symptom));
  const statuses = causing.map((rule) => ({ rule, status: statusAcross(rule, captures) }));
  const cited = new Set(causing.flatMap((rule) => rule.meta.facts));
  const guide = SYMPTOM_GUIDE[symptom];
  return {
    symptom,
    message: SYMPTOMS[symptom],
    shownBy: guide.shownBy,
    likely: statuses.flatMap(({ status }) => (status.kind === 'fired' ? status.findings : [])).sort(bySeverity),
    unchecked: statuses.flatMap(({ rule, status }) =>
      status.kind === 'unchecked' ? [{ ...ref(rule), needsCapture: status.needsCapture, flags: status.flags }] : [],
    ),
    ruledOut: statuses.flatMap(({ rule, status }) => (status.kind === 'ruled-out' ? [ref(rule)] : [])),
    otherCauses: guide.causes.filter((cause) => cause.coveredBy === undefined || !cited.has(cause.coveredBy)),
  };
}

/** Candidates of an ambiguous message with more evidence in the captures first: errors, then warnings, then infos. */
function byEvidence(a: Diagnosis, b: Diagnosis): number {
  const count = (d: Diagnosis, severity: Severity) => d.likely.filter(({ finding }) => finding.severity === severity).length;
  return count(b, 'error') - count(a, 'error') || count(b, 'warning') - count(a, 'warning') || count(b, 'info') - count(a, 'info');
}

/**
 * `samlint why`: which rules explain the message the user saw, given what samlint found in their
 * captures (none is fine): the findings that cause it, the rules that could not run and the flags
 * that would let them, the rules ruled out, and the causes samlint cannot see.
 */
export function why(message: string, captures: readonly WhyCapture[] = [], rules: readonly Rule[] = RULES): WhyReport {
  const recognition = recogniseMessage(message);
  const diagnoses = recognition.symptoms.map((symptom) => diagnose(symptom, captures, rules));
  if (recognition.match === 'ambiguous') diagnoses.sort(byEvidence);
  const explained = new Set(rules.filter((rule) => recognition.symptoms.some((s) => rule.meta.symptoms.includes(s))).map((r) => r.meta.code));
  const alsoWrong = captures
    .flatMap(({ source, result }) => result.findings.map((finding) => ({ source, finding })))
    .filter(({ finding }) => !explained.has(finding.code) && finding.severity !== 'info')
    .sort(bySeverity);
  const report: WhyReport = { recognition, diagnoses, alsoWrong };
  if (recognition.match === 'unknown') report.known = IDS.map((symptom) => ({ symptom, message: SYMPTOMS[symptom] }));
  return report;
}
