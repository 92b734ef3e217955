/**
 * The former name of `terminalSafe` (see terminal-safe.ts, the one rule for outside text on a
 * terminal): kept so that code written against it keeps the same rule. New code imports
 * terminal-safe.ts.
 */
export {terminalSafe as terminalText} from './terminal-safe.js';
