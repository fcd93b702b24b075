// The error class lives in the model: the engine raises it too (bad data at run time), and the engine
// must not import the config loader.
export { ConfigError } from "../model/config-error.js";
