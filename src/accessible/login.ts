/**
 * `btalk login` in accessible mode: the three credentials asked in lines (askCredentials, the
 * secret and the key without echo), then the login flow's own reducer (commands/
 * login-flow-state.ts) as the Ink form runs it: proven first, then saved, each step said.
 */
import type {Credentials} from '../api/types.js';
import {BtalkError, formatError, toBtalkError} from '../errors.js';
import {loginEffect, loginFinished, loginReducer, loginState, type LoginAction} from '../commands/login-flow-state.js';
import {loginResult, rightsText, type LoginResult} from '../commands/login-result.js';
import type {Runtime} from '../runtime.js';
import {keychainNotice} from '../secrets/keychain-errors.js';
import {proveCredentials, READONLY_WARNING} from '../secrets/prove-credentials.js';
import type {Session} from '../session-types.js';
import {terminalSafe} from '../text/terminal-safe.js';
import {askCredentials} from './forms.js';
import {lineInput} from './line-input.js';

const MOVES = 'Type quit to cancel.';

export async function accessibleLogin(runtime: Runtime, session: Session, initial: Partial<Credentials>): Promise<LoginResult> {
  const say = (...lines: string[]) => {
    for (const line of lines) runtime.stdout.write(`${line}\n`);
  };
  let interrupted = false;
  const stop = () => {
    interrupted = true;
    input.cancel();
  };
  const input = lineInput(runtime.stdin, {onInterrupt: stop});
  const offInterrupt = runtime.onInterrupt(stop);
  const ask = async (question: string, options?: {secret?: boolean}): Promise<string | undefined> => {
    for (;;) {
      say(question);
      const line = interrupted ? undefined : await (options?.secret ? input.secret() : input.line());
      const word = line?.trim().toLowerCase();
      if (line === undefined || word === 'quit') return undefined;
      if (word === 'back') say('There is no step to go back to here.');
      else if (word !== 'help' && word !== '?') return line;
    }
  };
  let state = loginState(runtime.platform);
  const dispatch = (action: LoginAction) => {
    state = loginReducer(state, action);
  };
  const target = `profile "${terminalSafe(session.profile)}", ${terminalSafe(session.environment.name)} (${terminalSafe(session.environment.baseUrl)})`;
  try {
    say(`btalk login, accessible mode: ${target}. The client ID, the client secret and the API key, one at a time; the secret and the key are not shown as you type.`);
    if (session.keychainProblem) say(keychainNotice(session.keychainProblem, 'the credentials can be checked, not saved'));
    let typed: Partial<Credentials> = initial;
    while (!loginFinished(state)) {
      const {phase} = state;
      if (phase.name === 'form') {
        if (phase.error) say('These credentials were refused.', ...formatError(phase.error).map((line) => line.trim()));
        const credentials = await askCredentials({say, ask}, typed, MOVES);
        if (!credentials) {
          dispatch({type: 'cancelled', error: new BtalkError('cancelled', interrupted ? 'Login interrupted; nothing was saved.' : 'Login cancelled; nothing was saved.')});
          continue;
        }
        // Kept for a retry: Enter keeps each value, only the wrong one is typed again.
        typed = credentials;
        dispatch({type: 'credentials-entered', credentials});
        continue;
      }
      const effect = loginEffect(state);
      if (effect?.type === 'prove') {
        say('Checking the credentials (token, then GET /me)…');
        try {
          const proof = await proveCredentials(session.api(effect.credentials));
          say(`The credentials work: ${rightsText(proof)}.`);
          dispatch({type: 'proven', proof});
        } catch (thrown) {
          dispatch({type: 'proof-failed', error: toBtalkError(thrown)});
        }
      } else if (effect?.type === 'save') {
        say(session.emulated ? 'Keeping them for this run (sandbox)…' : 'Saving them in the OS keychain…');
        try {
          await session.saveCredentials(effect.credentials);
          dispatch({type: 'saved'});
        } catch (thrown) {
          dispatch({type: 'save-failed', error: toBtalkError(thrown)});
        }
      }
    }
  } finally {
    input.dispose();
    offInterrupt();
  }
  const finished = loginFinished(state)!;
  if (!finished.ok) throw finished.error;
  const result = loginResult(session, finished.proof);
  if (!result.canOrder) say(`Warning: ${READONLY_WARNING}`);
  say(`${result.savedIn === 'keychain' ? 'Saved in the OS keychain' : 'Kept in memory (sandbox)'} for ${target}.`);
  return result;
}
