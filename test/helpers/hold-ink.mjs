// Loaded with `node --import` by terminal tests: the wizard's Ink chunk (dist/chunks/run-wizard-*.js)
// and btalk login's form (dist/chunks/login-form-*.js) load only once the file named by HOLD_INK_UNTIL exists, so "while btalk loads" (the first frame
// up, Ink not yet) lasts as long as a test needs, on a quiet or a busy machine alike.
import {register} from 'node:module';

if (process.env.HOLD_INK_UNTIL) register('./hold-ink-hooks.mjs', import.meta.url);
