// `--profile generic` serves any SAML service provider: its findings must not give AWS's advice, and
// the AWS profile must keep it.
import { describe, expect, it } from 'vitest';
import { FAMILY_PROFILES, RULES, lintFile, type Finding, type LintOptions } from '@samlint/core';
import { wordingFor } from '../packages/core/src/engine.js';
import { MANIFEST, loadVector } from './manifest.js';

const AWS_WORDS = /\b(aws|iam|sts|cloudtrail|amazon|connect)\b|urn:amazon/i;

/** Messages a rule reports only under `aws`, though the rule serves `generic` too. */
const REPORTED_ONLY_UNDER_AWS = new Set(['IN006 tooLarge', 'SAML014 capsSession']);

/** Fewer distinct codes than this under `generic` means rules were switched off, not reworded (77 when written). */
const GENERIC_CODES_FLOOR = 70;

/** Everything a finding says: what a user reads in any output. */
function textsOf(finding: Finding): string[] {
  return [
    finding.name,
    finding.message,
    finding.help,
    ...(finding.notes ?? []),
    ...(finding.labels ?? []).map((label) => label.message ?? ''),
    finding.fix?.title ?? '',
  ];
}

/**
 * A text without the URIs it quotes from what the user gave (a Destination, a request in a HAR file):
 * those name AWS because the document does, not because samlint advises it.
 */
function ownWords(text: string, given: string): string {
  return text
    .split(/\s+/)
    .filter((token) => {
      const value = token.replace(/^[`“(]+|[`”),.;:]+$/g, '');
      return !(/^[a-z][a-z0-9+.-]*:\S+$/i.test(value) && given.includes(value));
    })
    .join(' ');
}

type Linted = { file: string; given: string; findings: Finding[] }[];
const linted = new Map<LintOptions['profile'], Linted>();

/** Every vector with its own context under a profile; `given` is everything the user gave, as text. Linted once per profile. */
function lintEvery(profile: LintOptions['profile']): Linted {
  const cached = linted.get(profile);
  if (cached) return cached;
  const results = MANIFEST.map((entry) => {
    const { text, options } = loadVector(entry);
    const findings = lintFile(text, { ...options, profile }).flatMap((result) => result.findings);
    return { file: entry.file, given: text + JSON.stringify(options), findings };
  });
  linted.set(profile, results);
  return results;
}

describe('--profile generic', () => {
  it('no finding on any vector names AWS, IAM, STS, CloudTrail, Amazon Connect or urn:amazon, and most codes still fire', () => {
    const codes = new Set<string>();
    const aws: string[] = [];
    for (const { file, given, findings } of lintEvery('generic')) {
      for (const finding of findings) {
        codes.add(finding.code);
        for (const text of textsOf(finding)) if (AWS_WORDS.test(ownWords(text, given))) aws.push(`${file} ${finding.code}: ${text}`);
      }
    }
    expect(aws).toEqual([]);
    expect(codes.size).toBeGreaterThanOrEqual(GENERIC_CODES_FLOOR);
  }, 120_000);

  it('every message and help a generic rule can report is worded without AWS, vectors or not', () => {
    const aws: string[] = [];
    for (const rule of RULES) {
      if (!(rule.meta.profiles ?? FAMILY_PROFILES[rule.meta.family]).includes('generic')) continue;
      for (const [id, template] of Object.entries(rule.meta.messages)) {
        if (REPORTED_ONLY_UNDER_AWS.has(`${rule.meta.code} ${id}`)) continue;
        const { message, help } = wordingFor(template, 'generic');
        for (const text of [rule.meta.name, message, help]) if (AWS_WORDS.test(text)) aws.push(`${rule.meta.code} ${id}: ${text}`);
      }
    }
    expect(aws).toEqual([]);
  });

  it('rules that exist only for AWS do not run', () => {
    const codes = new Set(lintEvery('generic').flatMap(({ findings }) => findings.map((f) => f.code)));
    // SAML009 is about CloudTrail's log; IN009 reads Amazon Connect's user list.
    expect(codes.has('SAML009')).toBe(false);
    expect(codes.has('IN009')).toBe(false);
  }, 120_000);
});

describe('--profile aws keeps its AWS advice', () => {
  const ADVICE: Record<string, RegExp> = {
    SAML009: /CloudTrail/,
    SAML016: /urn:amazon:webservices/,
    SAML017: /AWS sign-in URL/,
    SIG006: /aws iam update-saml-provider/,
    IN009: /aws connect list-users/,
    IN011: /IAM SAML provider/,
  };

  it.each(Object.entries(ADVICE))('%s fires on a vector and says %s', (code, advice) => {
    const findings = lintEvery('aws').flatMap(({ findings }) => findings.filter((f) => f.code === code));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => advice.test(`${f.message} ${f.help}`))).toBe(true);
  }, 120_000);
});
