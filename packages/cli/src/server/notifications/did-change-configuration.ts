import type { Session } from '../session.js';

/** `workspace/didChangeConfiguration`: the settings changed; every open document is linted with them anew. */
export function didChangeConfiguration(session: Session): void {
  session.relintWithNewSettings();
}
