import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Rule pages ship with the repository at docs/rules/<CODE>.md (the same pages the tests run), and beside the extension's bundle. */
const RULE_DOCS = fileURLToPath(new URL(import.meta.samlintRulePages ?? '../../../docs/rules/', import.meta.url));

export function readRulePage(code: string): string | undefined {
  try {
    return readFileSync(`${RULE_DOCS}${code}.md`, 'utf8');
  } catch {
    return undefined;
  }
}
