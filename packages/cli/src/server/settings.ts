import { ConfigError, problemWhat } from '../config-options.js';
import { mergeArgs, parseConfig, type Config } from '../config.js';
import { CONFIG_SCHEMA } from '../config-schema.js';

/** How problems in the editor's settings are named, where a config file's problems name the file. */
export const SETTINGS_NAME = 'editor settings (samlint.*)';

/** The settings the server reads: samlint.config.json's properties. Others in the section are the client's own (`samlint.trace.server`). */
const CONFIG_KEYS = new Set(Object.keys(CONFIG_SCHEMA.properties));

/**
 * Whether a setting is unset. Editors send every setting they contribute, unset ones as `null` or
 * their empty default; an empty list or object means what its absence means.
 */
function isUnset(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/**
 * The `samlint` section of the editor's settings (`workspace/configuration`) as a config, validated as
 * samlint.config.json is, relative paths resolved against `dir` (the document's workspace folder).
 * No config when nothing is set; none, and the problems (one per line, without the JSON position of a
 * text the user never wrote), when the settings are invalid.
 */
export function settingsConfig(section: unknown, dir: string): { config?: Config; problems: string[] } {
  if (!section || typeof section !== 'object' || Array.isArray(section)) return { problems: [] };
  const set = Object.entries(section).filter(([key, value]) => CONFIG_KEYS.has(key) && !isUnset(value));
  if (!set.length) return { problems: [] };
  try {
    return { config: parseConfig(JSON.stringify(Object.fromEntries(set), null, 2), SETTINGS_NAME, dir), problems: [] };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The line and column are in a text made here, not one the user wrote.
    return { problems: error.problems.map((problem) => `${SETTINGS_NAME}: ${problemWhat(problem)}`) };
  }
}

/**
 * The config a document is linted with: the samlint.config.json found for it wins key by key, and the
 * editor's settings fill the keys it does not set; `rules` and `ignores` each come whole from the file
 * when it has them, else from the settings.
 */
export function withSettings(file: Config | undefined, settings: Config | undefined): Config | undefined {
  if (!file || !settings) return file ?? settings;
  return {
    ...file,
    args: mergeArgs(file.args, settings),
    settings: { rules: file.settings.rules ?? settings.settings.rules, ignores: file.settings.ignores ?? settings.settings.ignores },
  };
}
