// What the samlint language server speaks besides LSP itself: the commands a client runs with
// `workspace/executeCommand`, their arguments and their results (docs/editor.md#commands). The VS Code
// extension imports this module (`@samlint/cli/protocol`) instead of declaring its own copy; it holds
// ids and types only, so importing it loads no other code into the extension.
import type { ContextNeed, Family, RuleMeta, Severity, SymptomId } from '@samlint/core';

/** The ids of the commands the server lists in `executeCommandProvider`. */
export const COMMANDS = {
  /** `[href]`: opens a rule's page with `window/showDocument`; what the "Show documentation" code actions run. */
  showDocumentation: 'samlint.showDocumentation',
  /** `[DecodeArguments]` → `DecodeResult`. */
  decode: 'samlint.decode',
  /** No arguments → every rule, in code order: `RuleSummary[]`. */
  rules: 'samlint.rules',
  /** `[code or name]` → the rule's documentation page (markdown), or null for a code or name no rule has. */
  explain: 'samlint.explain',
  /** `[WhyArguments]` → `samlint why`'s report as plain text. */
  why: 'samlint.why',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export interface DecodeArguments {
  /** A pasted capture (base64, form body, XML), a HAR file or a SAML-tracer export. */
  text: string;
}

/** What `samlint.decode` returns: the decoded XML exactly as decoded (so its signature still verifies when it is linted). */
export interface DecodeResult {
  detected: string;
  xml?: string;
  relayState?: string;
  problems: Array<{ code: string; severity: Severity; message: string; help: string }>;
}

/** A rule as `samlint.rules` lists it, and `samlint rules --format json` prints it. */
export interface RuleSummary {
  code: string;
  name: string;
  family: Family;
  severity: Severity;
  summary: string;
  facts: RuleMeta['facts'];
  symptoms: readonly SymptomId[];
  needs: readonly ContextNeed[];
  docsUrl: string;
}

export interface WhyArguments {
  /** The message the user saw. */
  message: string;
  /** An open document: its lint, as the editor holds it, gives the likely causes. */
  uri?: string;
}

/** Each command's arguments and result. */
export interface CommandSignatures {
  [COMMANDS.showDocumentation]: { arguments: [href: string]; result: null };
  [COMMANDS.decode]: { arguments: [DecodeArguments]; result: DecodeResult };
  [COMMANDS.rules]: { arguments: []; result: RuleSummary[] };
  [COMMANDS.explain]: { arguments: [codeOrName: string]; result: string | null };
  [COMMANDS.why]: { arguments: [WhyArguments]; result: string };
}
