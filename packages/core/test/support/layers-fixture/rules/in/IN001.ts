// rules → capture/, and rules → a module outside the model, views and facts.
import type { Capture } from '../../capture/decode.js';
import type { Environment } from '../../environment.js';

export type Read = Capture | Environment;
