import { decodeForDisplay, findRule, why } from '@samlint/core';
import { Chalk } from 'chalk';
import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver/lib/common/api.js';
import { readRulePage } from '../../docs.js';
import { formatWhyStylish, whyCaptures } from '../../format/why.js';
import { ruleSummaries } from '../../rule-summaries.js';
import { COMMANDS, type CommandId, type CommandSignatures, type DecodeResult } from '../protocol.js';
import type { Session } from '../session.js';

/** A command's implementation: its arguments as the client sent them (checked here), its result as protocol.ts types it. */
type Command<C extends CommandId> = (session: Session, args: unknown[]) => Promise<CommandSignatures[C]['result']> | CommandSignatures[C]['result'];

const IMPLEMENTATIONS: { [C in CommandId]: Command<C> } = {
  [COMMANDS.showDocumentation]: async (session, [href]) => {
    if (typeof href !== 'string') return null;
    // A client without window/showDocument (LSP 3.16) still gets the address, to open by hand.
    if (session.client.showDocument) await session.connection.window.showDocument({ uri: href, external: true });
    else session.connection.window.showInformationMessage(`samlint documentation: ${href}`);
    return null;
  },
  [COMMANDS.decode]: (_session, [first]) => {
    const text = (first as { text?: unknown } | null | undefined)?.text;
    if (typeof text !== 'string') throw invalidArguments(COMMANDS.decode, '[{ text: string }]');
    return decode(text);
  },
  [COMMANDS.rules]: () => ruleSummaries(),
  [COMMANDS.explain]: (_session, [code]) => {
    if (typeof code !== 'string') throw invalidArguments(COMMANDS.explain, '[code: string]');
    // Only a registered code names a page: the argument never becomes a path of its own.
    const rule = findRule(code);
    return (rule && readRulePage(rule.meta.code)) ?? null;
  },
  [COMMANDS.why]: async (session, [first]) => {
    const { message, uri } = (first ?? {}) as { message?: unknown; uri?: unknown };
    if (typeof message !== 'string' || (uri !== undefined && typeof uri !== 'string')) {
      throw invalidArguments(COMMANDS.why, '[{ message: string; uri?: string }]');
    }
    // The document as the editor holds it and lints it; none (or none of samlint's) lists what to check.
    const document = uri === undefined ? undefined : session.documents.get(uri);
    const linted = document && session.lint(document, await session.settingsFor(document.uri));
    const results = whyCaptures(linted?.results ?? []);
    return formatWhyStylish(why(message, results), results, new Chalk({ level: 0 }));
  },
};

/** `workspace/executeCommand`: one of protocol.ts's commands. */
export async function executeCommand(session: Session, { command, arguments: args = [] }: ExecuteCommandParams): Promise<unknown> {
  if (!Object.hasOwn(IMPLEMENTATIONS, command)) throw new ResponseError(ErrorCodes.InvalidParams, `samlint: no command ${command}`);
  return IMPLEMENTATIONS[command as CommandId](session, args);
}

/** A capture decoded as `samlint decode --raw` decodes it: a HAR file's or SAML-tracer export's first login. */
function decode(text: string): DecodeResult {
  const { detected, xml, relayState, findings } = decodeForDisplay(text, { raw: true });
  return {
    detected,
    ...(xml !== undefined && { xml }),
    ...(relayState !== undefined && { relayState }),
    problems: findings.map(({ code, severity, message, help }) => ({ code, severity, message, help })),
  };
}

function invalidArguments(command: CommandId, expected: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `samlint: ${command} takes the arguments ${expected}`);
}
