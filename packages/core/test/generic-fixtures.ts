// Shared inputs for the tests of the rules that serve the generic profile: the SP of the generic vectors.
import { buildResponse, type Confirmation, type ResponseOptions } from '../../../test-vectors/lib/response.mjs';
import { SP, generic, login } from '../../../test-vectors/cases/generic.mjs';
import type { LintOptions } from '../src/index.js';

export const GENERIC_SP = SP as Required<NonNullable<LintOptions['sp']>>;
export const GENERIC = generic as LintOptions;

/** The clean generic login as XML, with some response options and bearer-confirmation fields changed. */
export function genericLogin(changes: ResponseOptions = {}, confirmation: Confirmation = {}): string {
  return buildResponse(login(changes, confirmation) as ResponseOptions);
}
