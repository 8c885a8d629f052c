// Lints an IdP configuration file: each SAML app through the AWS, CX and IDP rules (decision 0008).
import { decodeCapture } from '../capture/decode.js';
import { lintCapture, type LintResult } from '../engine.js';
import type { LintOptions } from '../environment.js';
import type { Finding, Fix, Label, Location } from '../model/finding.js';
import type { ConfigContext, Family, Rule } from '../model/rule.js';
import type { IdpConfigFile, SamlAppConfig } from '../model/idp-config.js';
import { SourceText } from '../model/source-text.js';
import { AWS_SP_ENTITY_ID } from '../saml/metadata.js';
import { synthesize, type Placement } from './synthesize.js';

/** The families whose rules read what a configuration holds: the attributes, Recipient, Audience and relay state, and its own. */
const CONFIG_FAMILIES: ReadonlySet<Family> = new Set(['AWS', 'CX', 'IDP']);

const AWS_ATTRIBUTE_PREFIX = 'https://aws.amazon.com/SAML/Attributes/';
const AWS_HOSTS = /(?:^|\.)(?:signin\.aws\.amazon\.com|signin\.amazonaws-us-gov\.com|signin\.amazonaws\.cn|sign-in\.connect\.aws)$/i;

/**
 * An app with no AWS attribute, no AWS sign-in URL and not AWS's entity id as Audience is plainly for
 * another SP. An attribute set in a part of the configuration the file does not hold says nothing about the app.
 */
function isAwsApp(app: SamlAppConfig): boolean {
  if (app.attributes.some((a) => a.name.startsWith(AWS_ATTRIBUTE_PREFIX) && a.values.some((v) => v.state !== 'elsewhere'))) return true;
  // An AD FS list view prints no ACS; its Identifier still names AWS.
  if (app.audience.state === 'known' && app.audience.value.trim().startsWith(AWS_SP_ENTITY_ID)) return true;
  return [app.acs, app.recipient, app.destination].some((value) => {
    if (value.state !== 'known') return value.state !== 'absent';
    try {
      return AWS_HOSTS.test(new URL(value.value.trim()).hostname);
    } catch {
      return false;
    }
  });
}

export function lintConfigFile(text: string, file: IdpConfigFile, options: LintOptions, rules: readonly Rule[]): LintResult[] {
  const input = new SourceText(text);
  if (file.unread) return [emptyResult(`${file.description}, not read: ${file.unread}`)];
  if (!file.apps.length) return [emptyResult(`${file.description}, no SAML app`)];
  return file.apps.map((app) => {
    const detected = `${file.description}: ${app.label}`;
    if (!isAwsApp(app)) return emptyResult(`${detected}, not an AWS app (no AWS attribute, sign-in URL or Audience): skipped`);
    return lintApp(input, app, detected, options, rules.filter((rule) => CONFIG_FAMILIES.has(rule.meta.family)));
  });
}

function emptyResult(detected: string): LintResult {
  const notRun = { ran: false, skipped: 'no-xml' } as const;
  return {
    detected,
    findings: [],
    unchecked: [],
    checked: [],
    stages: { capture: notRun, xml: notRun, response: notRun, metadata: { ran: false, skipped: 'no-metadata' }, 'sp-metadata': { ran: false, skipped: 'not-aws-sp-metadata' }, policy: { ran: false, skipped: 'no-policy' }, config: { ran: false, skipped: 'no-config' } },
    inferred: [],
  };
}

function lintApp(input: SourceText, app: SamlAppConfig, detected: string, options: LintOptions, rules: readonly Rule[]): LintResult {
  const synthetic = synthesize(app);
  const relayState = app.relayState.state === 'known' ? app.relayState.value : options.relayState;
  const config: ConfigContext = { app, locate: (range) => ({ artifact: 'input', span: input.span(range.start, range.end) }) };
  const { result } = lintCapture(synthetic.xml, decodeCapture(synthetic.xml), { ...options, relayState }, rules, config);
  const xml = new SourceText(synthetic.xml);
  const toFile = fileLocator(input, xml, synthetic.placements, app);
  // The configuration's own rules point into the file already.
  const ownCodes = new Set(rules.filter((rule) => rule.meta.stage === 'config').map((rule) => rule.meta.code));
  const findings = result.findings.flatMap((finding) => {
    if (ownCodes.has(finding.code)) return [finding];
    const moved = finding.location ? toFile(finding.location) : { location: appLocation(input, app), exact: false, known: true };
    // A finding about a value that is not known would judge a placeholder: IDP001 reports the value instead.
    if (!moved.known) return [];
    const { fix, labels, ...rest } = finding;
    const placed: Finding = { ...rest, location: moved.location };
    const movedLabels = labels?.flatMap((label): Label[] => {
      const where = toFile(label.location);
      return where.known ? [{ ...label, location: where.location }] : [];
    });
    if (movedLabels?.length) placed.labels = movedLabels;
    const movedFix = fix && fixInFile(fix, toFile);
    if (movedFix) placed.fix = movedFix;
    return [placed];
  });
  const linted: LintResult = { ...result, detected, findings };
  delete linted.xml;
  delete linted.origin;
  return linted;
}

interface Moved {
  location: Location;
  /** The location is exactly the text the original pointed at, so an edit there is safe. */
  exact: boolean;
  /** The value it lands on is known: a finding about a placeholder is dropped. */
  known: boolean;
}

function appLocation(input: SourceText, app: SamlAppConfig): Location {
  return { artifact: 'input', span: input.span(app.range.start, app.range.end) };
}

/** Moves a location in the synthetic XML or the relay state to the configured value it came from. */
function fileLocator(input: SourceText, xml: SourceText, placements: Placement[], app: SamlAppConfig): (location: Location) => Moved {
  return (location) => {
    const { span } = location;
    if (location.artifact === 'relay-state') {
      const value = app.relayState;
      if (value.state !== 'known') return { location: appLocation(input, app), exact: false, known: true };
      if (!value.verbatim) return { location: { artifact: 'input', span: input.span(value.range.start, value.range.end) }, exact: false, known: true };
      const relay = new SourceText(value.value);
      const start = value.range.start + relay.offsetOf(span.line, span.column);
      const end = value.range.start + relay.offsetOf(span.endLine, span.endColumn);
      return { location: { artifact: 'input', span: input.span(start, end) }, exact: true, known: true };
    }
    // The synthetic XML is both the lint's input and its XML: `input` and `xml` spans are the same text.
    if (location.artifact !== 'xml' && location.artifact !== 'input') return { location: appLocation(input, app), exact: false, known: true };
    const start = xml.offsetOf(span.line, span.column);
    const end = xml.offsetOf(span.endLine, span.endColumn);
    // The innermost placement holding the span (a value inside its Attribute element).
    const holder = placements
      .filter((p) => p.start <= start && end <= p.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (!holder || holder.value.state === 'absent') return { location: appLocation(input, app), exact: false, known: true };
    const range = holder.value.range;
    const exact = holder.value.state === 'known' && holder.value.verbatim && start === holder.start && end === holder.end;
    return { location: { artifact: 'input', span: input.span(range.start, range.end) }, exact, known: holder.value.state === 'known' };
  };
}

/** A fix survives only as an edit of the file's own text: a relay state or a value written there verbatim. */
function fixInFile(fix: Fix, toFile: (location: Location) => Moved): Fix | undefined {
  const moved = toFile(fix.location);
  return moved.exact ? { ...fix, location: moved.location } : undefined;
}
