import { Chalk } from 'chalk';
import { lint } from '@samlint/core';
import type { Argv, CommandModule } from 'yargs';
import { formatJson } from '../format/json.js';
import { formatStylish } from '../format/stylish.js';
import type { FileResult } from '../format/types.js';
import { readInput, type Io } from '../io.js';
import { CONTEXT_OPTIONS, toLintOptions, type ContextArgs } from '../options.js';

interface CheckArgs extends ContextArgs {
  inputs: string[];
  format: 'stylish' | 'json';
  exitZero: boolean;
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR overrides both. */
export function colourLevel(io: Io): 0 | 1 {
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR === '0' ? 0 : 1;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  return io.isTTY ? 1 : 0;
}

export function checkCommand(io: Io, setExitCode: (code: number) => void): CommandModule<object, CheckArgs> {
  return {
    command: 'check <inputs..>',
    describe: 'Lint captured SAMLResponses (base64, form body or XML; `-` reads stdin)',
    builder: (yargs) =>
      (yargs as Argv)
        .positional('inputs', { type: 'string', array: true, describe: 'Files holding a capture, or - for stdin' })
        .options(CONTEXT_OPTIONS)
        .option('format', { choices: ['stylish', 'json'] as const, default: 'stylish' as const, describe: 'Output format' })
        .option('exit-zero', { type: 'boolean', default: false, describe: 'Exit 0 even when errors are found' })
        .example('$0 check response.b64 --relay-state "$RELAY" --users users.csv', 'lint a pasted SAMLResponse with context')
        .example('pbpaste | $0 check - --now now', 'lint the clipboard against this machine’s clock') as unknown as Argv<CheckArgs>,
    handler: (args) => {
      const options = toLintOptions(args, io);
      const results: FileResult[] = args.inputs.map((input) => {
        const { source, text } = readInput(io, input);
        return { source, result: lint(text, options) };
      });
      const output =
        args.format === 'json' ? formatJson(results) : formatStylish(results, new Chalk({ level: colourLevel(io) }));
      io.stdout(output);
      const errors = results.some(({ result }) => result.findings.some((f) => f.severity === 'error'));
      setExitCode(errors && !args.exitZero ? 1 : 0);
    },
  };
}
