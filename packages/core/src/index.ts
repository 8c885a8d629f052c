// The public API of @samlint/core: docs/api.md describes it.

// The two entry points: one input, or a file that may hold many logins.
export { lint, RESULT_SCHEMA_VERSION } from './engine.js';
export { lintFile } from './lint-file.js';

// What they take and give.
export type { LintOptions } from './environment.js';
export type { Environment, Inferred, Profile, ServiceProvider } from './model/environment.js';
export { DEFAULT_CLOCK_SKEW_SECONDS } from './environment.js';
export type { LintResult, Unchecked, StageRun, StageSkip } from './engine.js';
export {
  CONTEXT_NEEDS,
  CONTEXT_OPTIONS,
  CONTEXT_OPTION_IDS,
  ISO_TIME,
  ISO_TIME_EXPECTED,
  NEED_FLAGS,
  checkContextValue,
  contextOption,
  contextOptionValues,
  contextValue,
} from './model/context-options.js';
export type { CheckedValue, ContextNeed, ContextOptionId, ContextOptionSpec, ContextOptionValues, ContextValues } from './model/context-options.js';
export type { Finding, Fix, Span, Location, Severity, Artifact, Label } from './model/finding.js';
export type { SignatureReport, SignatureStatus } from './model/signature.js';
export { SEVERITY_RANK } from './model/finding.js';
export { SourceText } from './model/source-text.js';
export type { PersonalKind, PersonalValue } from './decode/personal.js';

// The rules, and what a project's config does with them.
export type { Rule, RuleMeta, RuleContext, Family, Stage } from './model/rule.js';
export { FAMILY_PROFILES } from './model/rule.js';
export { RULES, findRule } from './rules/index.js';
export { docsUrl, DOCS_BASE_URL } from './engine.js';
export { applyRuleSettings, type RuleSettings, type RuleSetting, type RuleIgnore, type SettledResult } from './rule-settings.js';

// Built on the results: `samlint why`, `samlint decode`, --redact.
export { why, recogniseMessage } from './why.js';
export type { WhyReport, WhyCapture, Diagnosis, Recognition, MessageMatch, SourcedFinding, RuleRef, UncheckedCause } from './why.js';
export { SYMPTOMS, type SymptomId } from './model/symptoms.js';
export { SYMPTOM_GUIDE, type SymptomGuide, type OutsideCause } from './symptoms.js';
export { decodeForDisplay, type DecodedCapture } from './decode/decode-for-display.js';
export { redactText, redactResult, Redaction, type Redactor } from './decode/redact.js';

// Lower-level pieces the CLI reads its config with, and the fuzzer decodes with.
export { parseJson } from './json/tree.js';
export type { JsonDocument, JsonNode } from './model/json.js';
export { decodeCapture } from './capture/decode.js';
export type { Capture, CaptureProblem } from './model/capture.js';
