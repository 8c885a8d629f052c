import { sortFindings, type LintResult } from './engine.js';
import type { Severity } from './model/finding.js';
import { findRule } from './rules/index.js';

/** What a project may set per rule: another severity, or `off` (the rule's findings are dropped). */
export type RuleSetting = Severity | 'off';

/** Drops one rule's findings for what one issuer sent (a Response Issuer or a metadata entityID), or everywhere. */
export interface RuleIgnore {
  /** A rule code or kebab name. */
  code: string;
  /** Absent: the rule's findings are dropped for every issuer. */
  issuer?: string;
}

/** A project's rule settings (samlint.config.json's `rules` and `ignores`); keys are rule codes or names. */
export interface RuleSettings {
  rules?: Record<string, RuleSetting>;
  ignores?: readonly RuleIgnore[];
}

export interface SettledResult extends LintResult {
  /** How many findings an ignore dropped (`off` rules are not counted: they were switched off, not suppressed). */
  suppressed: number;
}

/** The code a setting's key names, or the key itself when no rule has it (it then matches nothing). */
function codeOf(key: string): string {
  return findRule(key)?.meta.code ?? key;
}

/**
 * Applies a project's settings to one result: overrides severities, drops the findings and the
 * "not checked" entries of `off` rules and of rules ignored for this result's issuer, and counts the
 * findings an ignore dropped. Pure; the result given is not changed.
 */
export function applyRuleSettings(result: LintResult, settings: RuleSettings): SettledResult {
  const severity = new Map<string, RuleSetting>(Object.entries(settings.rules ?? {}).map(([key, value]) => [codeOf(key), value]));
  const ignored = new Set(
    (settings.ignores ?? [])
      .filter((ignore) => ignore.issuer === undefined || ignore.issuer === result.issuer)
      .map((ignore) => codeOf(ignore.code)),
  );
  let suppressed = 0;
  const findings = result.findings.flatMap((finding) => {
    const setting = severity.get(finding.code);
    if (setting === 'off') return [];
    if (ignored.has(finding.code)) {
      suppressed++;
      return [];
    }
    return [setting ? { ...finding, severity: setting } : finding];
  });
  // A rule whose findings would be dropped needs no more context: asking for it would be noise.
  const dropped = (code: string) => severity.get(code) === 'off' || ignored.has(code);
  const unchecked = result.unchecked.filter((u) => !dropped(u.code));
  const settled: SettledResult = { ...result, findings: sortFindings(findings), unchecked, suppressed };
  // Nor is a dropped rule "ruled out" (`samlint why`): its verdict was set aside, not reached.
  if (result.checked) settled.checked = result.checked.filter((code) => !dropped(code));
  return settled;
}
