import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * What `defineRule` makes the compiler refuse. Each case is a small module compiled with core's own
 * compiler options, in one program; a case passes when its errors are exactly the ones expected
 * (none for the sound ones), so a type that stopped checking would fail here as surely as one that
 * refused good code.
 */
const CORE = fileURLToPath(new URL('..', import.meta.url));

const HEADER = `
import { defineRule } from '../src/rules/define-rule.js';
import type { ContextOf, RuleContext } from '../src/model/rule.js';
`;

/** A rule whose message, help and generic wording each have a placeholder of their own. */
const rule = (check: string, templates = '') => `${HEADER}
export const TEST = defineRule({
  meta: {
    code: 'XML900',
    name: 'test-rule',
    family: 'XML',
    stage: 'xml',
    severity: 'error',
    summary: 'A rule for type tests',
    facts: [],
    symptoms: [],
    messages: {
      named: {
        message: 'user \`{{user}}\` is not in {{list}}',
        help: 'add \`{{user}}\` to {{file}}',
        profiles: { generic: { help: 'ask {{sp}} to add \`{{user}}\`' } },
      },
      plain: { message: 'nothing to fill', help: 'nothing here either' },${templates}
    },
  },
  check(ctx) {
    ${check}
  },
});
`;

const CASES: Record<string, string> = {
  sound: rule(`
    ctx.report({ messageId: 'named', data: { user: 'jdoe', list: 'the list', file: 'users.csv', sp: 'the SP' } });
    ctx.report({ messageId: 'plain' });
    ctx.report({ messageId: 'plain', data: {} });
    // One data object may serve several ids, carrying what the others need.
    const id = ctx.xml ? 'named' : 'plain';
    ctx.report({ messageId: id, data: { user: 'jdoe', list: 'the list', file: 'users.csv', sp: 'the SP' } });
    reportFrom(ctx);`) + `
function reportFrom(ctx: ContextOf<typeof TEST>): void {
  ctx.report({ messageId: 'plain' });
}
`,
  missingMessagePlaceholder: rule(`ctx.report({ messageId: 'named', data: { user: 'jdoe', file: 'users.csv', sp: 'the SP' } });`),
  missingHelpPlaceholder: rule(`ctx.report({ messageId: 'named', data: { user: 'jdoe', list: 'the list', sp: 'the SP' } });`),
  missingProfilePlaceholder: rule(`ctx.report({ messageId: 'named', data: { user: 'jdoe', list: 'the list', file: 'users.csv' } });`),
  missingData: rule(`ctx.report({ messageId: 'named' });`),
  unknownMessageId: rule(`ctx.report({ messageId: 'nameed', data: { user: 'jdoe', list: 'the list', file: 'users.csv', sp: 'the SP' } });`),
  notPlaceholderValue: rule(`ctx.report({ messageId: 'named', data: { user: ['jdoe'], list: 'the list', file: 'users.csv', sp: 'the SP' } });`),
  idOfAnotherRule: rule(`ctx.report({ messageId: 'mismatch' });`),
  textNotLiteral: rule(`ctx.report({ messageId: 'plain' });`, `
      computed: { message: 'no' + ' literal', help: 'fine' },`),
  helperWithoutRuleType: rule(`reportFrom(ctx);`) + `
function reportFrom(ctx: RuleContext): void {
  ctx.report({ messageId: 'plain' });
}
`,
};

let errors: Record<string, string[]>;

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(`${CORE}tsconfig.json`, { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('cannot read packages/core/tsconfig.json');
  const files = new Map(Object.entries(CASES).map(([name, text]) => [`${CORE}test/type-case-${name}.ts`, text]));
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => files.has(file) || fileExists(file);
  host.readFile = (file) => files.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = files.get(file);
    return text === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  const options = { ...config.options, noEmit: true, composite: false, declaration: false, rootDir: undefined };
  const program = ts.createProgram([...files.keys()], options, host);
  errors = Object.fromEntries(
    Object.keys(CASES).map((name) => {
      const source = program.getSourceFile(`${CORE}test/type-case-${name}.ts`);
      const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
      return [name, diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))];
    }),
  );
}, 120_000);

describe('defineRule: a report that does not fit its rule’s messages does not compile', () => {
  it('accepts reports that fill every placeholder, with or without data for a message that has none', () => {
    expect(errors.sound).toEqual([]);
  });

  it.each([
    ['missingMessagePlaceholder', 'list'],
    ['missingHelpPlaceholder', 'file'],
    ['missingProfilePlaceholder', 'sp'],
  ])('refuses data without a placeholder of the message, the help or a profile’s wording (%s)', (name, placeholder) => {
    expect(errors[name]).toHaveLength(1);
    expect(errors[name]?.[0]).toMatch(new RegExp(`Property '${placeholder}' is missing`));
  });

  it('refuses a report without data when the message has placeholders', () => {
    expect(errors.missingData).toHaveLength(1);
    expect(errors.missingData?.[0]).toMatch(/Property 'data' is missing/);
  });

  it('refuses a value that is neither a string nor a number', () => {
    expect(errors.notPlaceholderValue).toHaveLength(1);
    expect(errors.notPlaceholderValue?.[0]).toMatch(/'string\[\]' is not assignable to type 'string \| number'/);
  });

  it('refuses a message id the rule does not declare', () => {
    expect(errors.unknownMessageId).toEqual([`Type '"nameed"' is not assignable to type '"named" | "plain"'. Did you mean '"named"'?`]);
    expect(errors.idOfAnotherRule).toEqual([`Type '"mismatch"' is not assignable to type '"named" | "plain"'.`]);
  });

  it('refuses a message text whose placeholders the compiler cannot read', () => {
    expect(errors.textNotLiteral).toHaveLength(1);
    expect(errors.textNotLiteral?.[0]).toMatch(/Property '+each text a string literal, so that its placeholders are checked'+ is missing/);
  });

  it('lets a helper report only with its rule’s context', () => {
    expect(errors.helperWithoutRuleType).toHaveLength(1);
    expect(errors.helperWithoutRuleType?.[0]).toMatch(/is not assignable to parameter of type 'never'/);
  });
});
