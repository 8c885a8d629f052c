import type { LiteralMessages, Messages, Rule } from '../model/rule.js';

/**
 * A rule typed by its own messages: `ctx.report` takes only their ids, each with `data` holding every
 * placeholder of its message and help under any profile, so a mistyped id or a missing value fails to
 * compile instead of reaching the output (test/define-rule.test.ts). Nothing happens at run time.
 */
export function defineRule<const M extends Messages>(rule: Rule<M> & { meta: { messages: NoInfer<LiteralMessages<M>> } }): Rule<M> {
  return rule;
}
