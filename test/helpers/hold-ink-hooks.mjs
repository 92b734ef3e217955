// The module hooks of hold-ink.mjs (they run on Node's hooks thread).
import {existsSync} from 'node:fs';

export async function load(url, context, nextLoad) {
  const gate = process.env.HOLD_INK_UNTIL;
  if (gate && /\/(run-wizard|login-form)-[^/]*\.js$/u.test(url)) {
    while (!existsSync(gate)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return nextLoad(url, context);
}
