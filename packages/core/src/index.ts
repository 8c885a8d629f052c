export { lint, docsUrl, sortFindings, RESULT_SCHEMA_VERSION, DOCS_BASE_URL } from './engine.js';
export type { LintResult, Unchecked } from './engine.js';
export { lintFile } from './lint-file.js';
export type { LintOptions, Environment, Inferred } from './environment.js';
export { DEFAULT_CLOCK_SKEW_SECONDS } from './environment.js';
export {
  CONTEXT_NEEDS,
  CONTEXT_OPTIONS,
  CONTEXT_OPTION_IDS,
  ISO_TIME,
  ISO_TIME_EXPECTED,
  NEED_FLAGS,
  contextOption,
  contextOptionValues,
  contextValue,
} from './model/context-options.js';
export type { ContextNeed, ContextOptionId, ContextOptionSpec, ContextOptionValues, ContextValues, Profile, ServiceProvider } from './model/context-options.js';
export type { Finding, Fix, Span, Location, Severity, Artifact, Label } from './model/finding.js';
export { SEVERITY_RANK } from './model/finding.js';
export type { Rule, RuleMeta, RuleContext, Family, Stage } from './model/rule.js';
export { FAMILY_PROFILES } from './model/rule.js';
export { SourceText } from './model/source-text.js';
export { RULES, findRule } from './rules/index.js';
export { applyRuleSettings, type RuleSettings, type RuleSetting, type RuleIgnore, type SettledResult } from './rule-settings.js';
export { parseJson, type JsonDocument, type JsonNode } from './json/tree.js';
export { SYMPTOMS, SYMPTOM_GUIDE, type SymptomId, type SymptomGuide, type OutsideCause } from './symptoms.js';
export { why, recogniseMessage } from './why.js';
export type { WhyReport, WhyCapture, Diagnosis, Recognition, MessageMatch, SourcedFinding, RuleRef, UncheckedCause } from './why.js';
export { decodeCapture, type Capture } from './capture/decode.js';
export { parseXml } from './xml/parse.js';
export { parseUserList } from './connect/users.js';
export { parseRelayState } from './connect/relay-state.js';
export { prettyXml } from './decode/pretty-xml.js';
export { redactDocument, redactText, redactResult, Redaction, Redactor, REDACTED } from './decode/redact.js';
export type { PersonalKind, PersonalValue } from './decode/personal.js';
export { decodeForDisplay, type DecodedCapture } from './decode/decode-for-display.js';
