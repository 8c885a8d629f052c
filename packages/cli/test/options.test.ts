import { CONTEXT_OPTION_IDS, contextOption, contextValue, type ContextOptionId } from '@samlint/core';
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { ConfigError } from '../src/config-options.js';
import { parseConfig } from '../src/config.js';
import { main } from '../src/main.js';
import { CONTEXT_FLAGS, flagContext, toLintOptions } from '../src/options.js';
import { settingsConfig } from '../src/server/settings.js';
import { ROOT, memoryIo } from './memory-io.js';

/** Values a pattern accepts, by option: the table's patterns cannot make examples. */
const MATCHING: Partial<Record<ContextOptionId, string>> = { region: 'eu-west-2' };

/** A value for every context option, as a flag or a config gives it; a file option names `<key>.txt`. */
function sampleValue(id: ContextOptionId): string | number | string[] {
  const option = contextOption(id);
  switch (option.type) {
    case 'file':
      return option.repeatable ? [`${id}-1.txt`, `${id}-2.txt`] : `${id}.txt`;
    case 'time':
      return '2026-11-27T09:00:30Z';
    case 'seconds':
      return 30;
    case 'choice':
      return option.choices?.at(-1) as string;
    case 'text':
      if (!option.pattern) return `${id} value`;
      if (MATCHING[id] === undefined) throw new Error(`give MATCHING a value of ${id} that ${option.pattern.regex} accepts`);
      return MATCHING[id];
  }
}

const SAMPLE = Object.fromEntries(CONTEXT_OPTION_IDS.map((id) => [id, sampleValue(id)])) as Record<ContextOptionId, string | number | string[]>;
/** A file's text: letters and spaces, so that a `binary` option's file reads as text too. */
const textOf = (path: string) => `text of ${path.replace(/\W/g, ' ')}`;
const FILES = Object.fromEntries(
  CONTEXT_OPTION_IDS.filter((id) => contextOption(id).type === 'file').flatMap((id) => [SAMPLE[id]].flat().map((path) => [String(path), textOf(String(path))])),
);
const FLAGS = Object.entries(SAMPLE).flatMap(([id, value]) => [value].flat().flatMap((item) => [contextOption(id as ContextOptionId).flag, String(item)]));

describe('every context option', () => {
  const { io } = memoryIo({ files: FILES });
  const fromFlags = toLintOptions(flagContext(yargs().options(CONTEXT_FLAGS).strict().parseSync(FLAGS)), io);

  it('reaches core from its flag, each value where the table puts it', () => {
    for (const id of CONTEXT_OPTION_IDS) {
      const option = contextOption(id);
      const value = contextValue(fromFlags, id);
      if (option.type === 'file') expect(value, id).toEqual(Array.isArray(SAMPLE[id]) ? SAMPLE[id].map(textOf) : textOf(String(SAMPLE[id])));
      else if (option.type === 'time') expect(value, id).toEqual(new Date(SAMPLE[id] as string));
      else expect(value, id).toBe(SAMPLE[id]);
    }
  });

  it('reaches core the same from samlint.config.json and from the editor settings', () => {
    const config = parseConfig(JSON.stringify(SAMPLE), 'samlint.config.json', ROOT);
    expect(toLintOptions(config.args, io)).toEqual(fromFlags);
    const settings = settingsConfig(SAMPLE, ROOT);
    expect(settings.problems).toEqual([]);
    expect(toLintOptions(settings.config?.args ?? {}, io)).toEqual(fromFlags);
  });

  it('is in --help, with its description', async () => {
    const { io: helpIo, captured } = memoryIo();
    await main(['check', '--help'], helpIo);
    const help = captured.stdout.replace(/\s+/g, ' ');
    for (const id of CONTEXT_OPTION_IDS) expect(help, id).toContain(`${contextOption(id).flag} `);
    for (const id of CONTEXT_OPTION_IDS) expect(help, id).toContain(contextOption(id).description.split(' ').slice(0, 4).join(' '));
  });
});

describe('a config samlint cannot use', () => {
  it('is a ConfigError listing each problem with its file, place and JSON path', () => {
    const text = JSON.stringify({ region: 'Europe', clockSkew: -1 }, null, 2);
    let error: unknown;
    try {
      parseConfig(text, 'samlint.config.json', ROOT);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      { file: 'samlint.config.json', line: 2, column: 13, path: '$.region', message: 'must be an AWS Region code such as eu-west-2' },
      { file: 'samlint.config.json', line: 3, column: 16, path: '$.clockSkew', message: 'must be >= 0' },
    ]);
  });

  it('is reported in the editor without a place, since the settings are no text the user wrote', () => {
    expect(settingsConfig({ region: 'Europe', clockSkew: -1 }, ROOT).problems).toEqual([
      'editor settings (samlint.*): $.region: must be an AWS Region code such as eu-west-2',
      'editor settings (samlint.*): $.clockSkew: must be >= 0',
    ]);
  });
});
