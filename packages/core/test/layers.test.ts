import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

// The layers of packages/core, checked over its import graph by dependency-cruiser. Type-only imports
// are edges too (tsPreCompilationDeps): a type import still ties one module's meaning to another's.
//
//   model/                       types and pure helpers; imports nothing outside model/
//   xml/ json/ saml/ sig/ xsd/   parsers, typed views, signature verification, schema validation
//   aws/ connect/ iam/           facts: what AWS accepts, over the views
//   rules/<family>/              one file per rule; reads only the above, its family's _shared.ts
//                                and rules/_shared.ts
//   capture/ environment.ts      what turns the user's input and options into what rules read
//   engine.ts lint-file.ts …     the pipeline

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = 'packages/core/src';
const FIXTURE = 'packages/core/test/support/layers-fixture';

/** What rules may import besides rules/: the model, the views over the DOM and JSON, signatures, schema validation, the facts. */
const RULE_INPUTS = ['model', 'xml', 'json', 'saml', 'sig', 'xsd', 'aws', 'connect', 'iam'];

/** The layering as dependency-cruiser rules over the tree at `src` (the real one, or the fixture that breaks each once). */
function layerRules(src: string): IForbiddenRuleType[] {
  const under = (path: string) => `^${src}/${path}`;
  return [
    { name: 'no-cycle', from: { path: under('') }, to: { circular: true } },
    {
      name: 'model-imports-only-model',
      comment: 'model/ is the bottom layer: the types every stage hands on and pure helpers over them',
      from: { path: under('model/') },
      to: { path: under(''), pathNot: under('model/') },
    },
    {
      name: 'model-uses-only-library-types',
      comment: 'a library’s types (jsonc-parser’s Node) may be part of the model; its code may not',
      from: { path: under('model/') },
      to: { pathNot: under(''), dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'rules-never-import-capture',
      comment: 'rules read ctx.capture, whose types are model/capture.ts',
      from: { path: under('rules/') },
      to: { path: under('capture/') },
    },
    {
      name: 'rules-stay-in-their-family',
      comment: 'what two families share goes to a facts module, a view, or rules/_shared.ts',
      from: { path: under('rules/([^/]+)/') },
      to: { path: under('rules/[^/]+/'), pathNot: under('rules/$1/') },
    },
    {
      name: 'rules-read-only-model-views-and-facts',
      from: { path: under('rules/') },
      to: { path: under(''), pathNot: [under('rules/'), ...RULE_INPUTS.map((dir) => under(`${dir}/`))] },
    },
  ];
}

async function violations(paths: string[], forbidden: IForbiddenRuleType[]): Promise<ICruiseResult> {
  const { output } = await cruise(paths, {
    baseDir: ROOT,
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    validate: true,
    ruleSet: { forbidden },
  });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  return output;
}

/** One line per violation of `rule`: `from → to`, or the whole cycle. */
function offending(result: ICruiseResult, rule: string): string[] {
  return result.summary.violations
    .filter((v) => v.rule.name === rule)
    .map((v) => (v.cycle?.length ? [v.from, ...v.cycle.map((step) => step.name)].join(' → ') : `${v.from} → ${v.to}`))
    .sort();
}

describe('the import graph of packages/core/src', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = await violations([SRC], layerRules(SRC));
  }, 120_000);

  it('holds every module, and type-only imports as edges', () => {
    const sources = readdirSync(join(ROOT, SRC), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const cruised = result.modules.map((m) => m.source).filter((source) => source.startsWith(`${SRC}/`));
    expect(cruised.sort()).toEqual(sources.map((file) => `${SRC}/${file}`).sort());
    const rule = result.modules.find((m) => m.source === `${SRC}/rules/aws/AWS014-recipient-not-sign-in-endpoint.ts`);
    const toModel = rule?.dependencies.find((d) => d.resolved === `${SRC}/model/rule.ts`);
    expect(toModel?.dependencyTypes).toContain('type-only');
  });

  for (const { name } of layerRules(SRC)) {
    it(`breaks no rule: ${name}`, () => {
      expect(offending(result, name ?? '')).toEqual([]);
    });
  }
});

describe('each layering rule fires where it is broken', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = await violations([FIXTURE], layerRules(FIXTURE));
  }, 60_000);
  const at = (path: string) => `${FIXTURE}/${path}`;
  const jsoncParser = (path: string) => path.includes('/jsonc-parser/');

  it('a cycle, also through type-only imports', () => {
    expect(offending(result, 'no-cycle')).toEqual([[at('capture/decode.ts'), at('model/rule.ts'), at('capture/decode.ts')].join(' → ')]);
  });

  it('model/ importing another module, or a library’s code', () => {
    expect(offending(result, 'model-imports-only-model')).toEqual([`${at('model/rule.ts')} → ${at('capture/decode.ts')}`]);
    const library = result.summary.violations.filter((v) => v.rule.name === 'model-uses-only-library-types');
    expect(library.map((v) => [v.from, jsoncParser(v.to), v.dependencyTypes?.includes('type-only')])).toEqual([
      [at('model/rule.ts'), true, false],
    ]);
  });

  it('a rule importing capture/, another family, or a module outside the model, views and facts', () => {
    expect(offending(result, 'rules-never-import-capture')).toEqual([`${at('rules/in/IN001.ts')} → ${at('capture/decode.ts')}`]);
    expect(offending(result, 'rules-stay-in-their-family')).toEqual([
      `${at('rules/iam/IAM001.ts')} → ${at('rules/aws/AWS001.ts')}`,
      `${at('rules/iam/IAM001.ts')} → ${at('rules/aws/_shared.ts')}`,
    ]);
    expect(offending(result, 'rules-read-only-model-views-and-facts')).toEqual([
      `${at('rules/in/IN001.ts')} → ${at('capture/decode.ts')}`,
      `${at('rules/in/IN001.ts')} → ${at('environment.ts')}`,
    ]);
  });
});
