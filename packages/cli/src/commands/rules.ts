import type { Argv, CommandModule } from 'yargs';
import type { Io } from '../io.js';

interface RulesArgs {
  format: 'text' | 'json';
}

export function rulesCommand(io: Io): CommandModule<object, RulesArgs> {
  return {
    command: 'rules',
    describe: 'List every rule',
    builder: (yargs) =>
      (yargs as Argv).option('format', { choices: ['text', 'json'] as const, default: 'text' as const }) as unknown as Argv<RulesArgs>,
    handler: async (args) => {
      // Loaded when the command runs, not when samlint starts.
      const [{ RULES }, { ruleSummaries }] = await Promise.all([import('@samlint/core'), import('../rule-summaries.js')]);
      if (args.format === 'json') {
        io.stdout(`${JSON.stringify(ruleSummaries(), null, 2)}\n`);
        return;
      }
      const width = Math.max(...RULES.map((r) => r.meta.name.length));
      const lines = RULES.map(({ meta }) => `${meta.code.padEnd(8)}${meta.name.padEnd(width + 2)}${meta.severity.padEnd(9)}${meta.summary}`);
      io.stdout(`${lines.join('\n')}\n`);
    },
  };
}
