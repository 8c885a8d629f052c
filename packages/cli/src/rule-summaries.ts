import { RULES, docsUrl } from '@samlint/core';
import type { RuleSummary } from './server/protocol.js';

/** Every rule, in code order: what `samlint rules --format json` prints and the server's `samlint.rules` answers. */
export function ruleSummaries(): RuleSummary[] {
  return RULES.map(({ meta }) => ({
    code: meta.code,
    name: meta.name,
    family: meta.family,
    severity: meta.severity,
    summary: meta.summary,
    facts: meta.facts,
    symptoms: meta.symptoms,
    needs: meta.needs ?? [],
    docsUrl: docsUrl(meta.code),
  }));
}
