// libxml2's xmllint as an independent oracle (well-formedness, canonicalisation, schema validity).
import { requireTool } from './tool.js';

/** Whether xmllint can be run; else a failing test in CI, a skipped one elsewhere (tool.ts). */
export function requireXmllint(): boolean {
  return requireTool('xmllint', ['--version'], 'libxml2-utils');
}
