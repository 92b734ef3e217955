/**
 * The two forms of the flow, asked one field a line: the credentials (the secret and the key
 * read without echo) and the site names. Each field is checked by the same rules as the Ink
 * forms (domain/credential-rules.ts, flow/site-defaults.ts) and asked again with the reason;
 * Enter keeps the value offered. The form's answer is one fact for the reducer, as in the wizard.
 */
import type {Credentials} from '../api/types.js';
import {countryName} from '../domain/countries.js';
import {API_KEY_LENGTH, credentialProblems} from '../domain/credential-rules.js';
import {deriveTechnicalSiteName} from '../domain/site-rules.js';
import {formatError, isBtalkError} from '../errors.js';
import {siteDefaults, siteProblems, takenSites} from '../flow/site-defaults.js';
import type {SiteDetails} from '../flow/state.js';
import {decodeBasicHeader, looksLikeBasicHeader} from '../secrets/basic-header.js';
import {keychainNotice} from '../secrets/keychain-errors.js';
import {terminalSafe} from '../text/terminal-safe.js';
import {CREDENTIAL_FIELDS} from '../ui/screens/credentials-form-state.js';
import {SITE_FIELDS} from '../ui/screens/site-form-state.js';
import {moves, type Turn} from './turn.js';

const safe = terminalSafe;

export async function credentialsTurn(turn: Turn): Promise<void> {
  const {screen} = turn.state;
  if (screen.kind !== 'credentials') return;
  const {session} = turn;
  // What was typed stays; only the field the rejection points at is asked afresh.
  const initial = screen.typed && screen.suspect ? {...screen.typed, [screen.suspect]: ''} : screen.typed;
  if (turn.fresh) {
    turn.say(
      ...(screen.rejected ? ['These credentials were refused.', ...formatError(screen.rejected).map((l) => l.trim())] : []),
      ...(session.keychainProblem ? [keychainNotice(session.keychainProblem)] : []),
      `Credentials for profile ${safe(session.profile)} (${session.emulated ? 'sandbox' : safe(session.environment.name)}, ${safe(session.environment.baseUrl)}): the client ID, the client secret and the API key of your Orange Developer application, one at a time. The secret and the key are not shown as you type.`,
    );
  }
  const credentials = await askCredentials(turn, initial, moves(turn.state));
  if (credentials) turn.dispatch({type: 'credentials-entered', credentials});
}

/**
 * The three credentials, one a line (the secret and the key without echo), each checked and
 * asked again with the reason; Enter keeps a value given in `initial`. Undefined when the
 * questions were left (back, quit, the end of input). `btalk login` asks them the same way.
 */
export async function askCredentials(io: Pick<Turn, 'ask' | 'say'>, initial: Partial<Credentials> | undefined, moveHelp: string): Promise<Credentials | undefined> {
  const values: Credentials = {clientId: initial?.clientId ?? '', clientSecret: initial?.clientSecret ?? '', apiKey: initial?.apiKey ?? ''};
  let decoded = false;
  for (const {field, label, masked} of CREDENTIAL_FIELDS) {
    if (field === 'clientSecret' && decoded) continue;
    for (;;) {
      const kept = values[field];
      const keep = kept === '' ? '' : masked ? ' Press Enter to keep the one typed before.' : ` Press Enter to keep ${safe(kept)}.`;
      const rule = field === 'apiKey' ? ` (${API_KEY_LENGTH} characters)` : '';
      const reply = await io.ask(`${label}${rule}${masked ? ', not shown as you type' : ''}:${keep} ${moveHelp}`, {secret: masked});
      if (reply === undefined) return undefined;
      const typed = reply.trim() === '' ? kept : reply.trim();
      if (field === 'clientId' && looksLikeBasicHeader(typed)) {
        // The MyApps "Authorization: Basic ..." value holds the id and the secret.
        try {
          const header = decodeBasicHeader(typed);
          values.clientId = header.clientId;
          values.clientSecret = header.clientSecret;
          decoded = true;
          io.say(`The Basic value holds client id "${safe(header.clientId)}" and its secret.`);
          break;
        } catch (thrown) {
          io.say(`${label}: ${safe(isBtalkError(thrown) ? thrown.message : String(thrown))}`);
          continue;
        }
      }
      const problem = credentialProblems({...values, [field]: typed})[field];
      if (problem === undefined) {
        values[field] = typed;
        break;
      }
      io.say(problem === 'required' ? `${label} is required.` : `${label} ${problem}.`);
    }
  }
  return values;
}

export async function siteTurn(turn: Turn): Promise<void> {
  const {answers, data, ordered, siteDraft} = turn.state;
  const {country, customer} = answers;
  if (!country || !customer) return;
  const listed = data.voicesites?.status === 'ready' ? data.voicesites.value : undefined;
  const sites = takenSites(listed, ordered);
  const initial = answers.site ?? siteDraft;
  let values: SiteDetails = initial ?? siteDefaults({countryName: countryName(country.iso2) ?? country.name, customerCode: customer.customerCode, sites, ordered, now: turn.now});
  // Until the technical name is typed, it follows the label.
  let nameEdited = initial !== undefined;
  if (turn.fresh) {
    turn.say(
      'Name the site: a label people read, a technical name, and your order reference. Press Enter to keep the value offered.',
      ...(data.voicesites?.status === 'failed' ? ['Could not list the existing voicesites, so a taken name is only caught when ordering.'] : []),
    );
  }
  for (const {field, label} of SITE_FIELDS) {
    for (;;) {
      const offered = values[field];
      const reply = await turn.ask(`${label}: press Enter for ${offered === '' ? 'an empty value' : `"${safe(offered)}"`}, or type another. ${moves(turn.state)}`);
      if (reply === undefined) return;
      let typed = reply.trim() === '' ? offered : reply.trim();
      // Technical names are capitals only: typing lower case just works.
      if (field === 'technicalSiteName') typed = typed.toUpperCase();
      const next = {...values, [field]: typed};
      if (field === 'customerSiteLabel' && !nameEdited && typed !== offered) next.technicalSiteName = deriveTechnicalSiteName(typed);
      const problem = siteProblems(next, sites, customer.customerCode)[field];
      if (problem !== undefined) {
        turn.say(`${label}: ${safe(problem)}`);
        continue;
      }
      if (field === 'technicalSiteName' && typed !== offered) nameEdited = true;
      values = next;
      break;
    }
  }
  turn.dispatch({type: 'site-entered', site: values});
}
