/**
 * What `btalk profiles` (and `btalk status --all`) does, loaded by its action: every profile at a glance, as `gh auth status` and
 * `aws configure list-profiles` show them: its environment or base URL, where each secret lives
 * (keychain or missing, never the value), the customer it last ordered for and when it was last
 * used. `--check` also proves every profile (token + GET /me), all at once.
 */
import type {ConfigStore, ProfileSettings} from '../config/config-store.js';
import {resolveEnvironment} from '../environments.js';
import {EXIT_CODES, toBtalkError} from '../errors.js';
import {CREDENTIAL_ENV_VARS} from '../secrets/env-credentials.js';
import {keychainReason} from '../secrets/keychain-errors.js';
import {accountFor, type SecretStore} from '../secrets/types.js';
import {CREDENTIAL_FIELDS} from '../session.js';
import {fitTable, type Column} from '../text/fit-table.js';
import {terminalSafe, terminalSafeJson} from '../text/terminal-safe.js';
import type {CommandContext} from './context.js';
import {check, type CheckState} from './status-action.js';

export interface ProfilesDeps {
  config: ConfigStore;
  /** The OS keychain (listing account names only: no secret is read). */
  keychain: () => SecretStore;
}

type Where = 'keychain' | 'missing' | 'unknown';

export interface ProfileView {
  profile: string;
  /** The profile btalk uses when no --profile is given (BTALK_PROFILE, else "default"). */
  current: boolean;
  environment: string;
  baseUrl: string;
  secrets: {clientId: Where; clientSecret: Where; apiKey: Where};
  lastCustomer?: {code: string; name?: string | undefined};
  lastUsedAt?: string;
  check?: {state: CheckState; rightsProfile?: string; canOrder?: boolean; problem?: string};
}

function environmentOf(settings: ProfileSettings | undefined): {environment: string; baseUrl: string} {
  try {
    const e = resolveEnvironment({env: settings?.env, baseUrl: settings?.baseUrl});
    return {environment: e.name, baseUrl: e.baseUrl};
  } catch {
    return {environment: 'invalid', baseUrl: settings?.baseUrl ?? ''};
  }
}

export async function profiles(ctx: CommandContext, deps: ProfilesDeps, options: {check: boolean}): Promise<number> {
  const {runtime} = ctx;
  const globals = ctx.globals();
  const config = await deps.config.read();
  let accounts: string[] | undefined;
  let keychainNote: string | undefined;
  try {
    accounts = await deps.keychain().list();
  } catch (thrown) {
    keychainNote = `The OS keychain could not be read (${keychainReason(toBtalkError(thrown))}): where the secrets live is unknown.`;
  }
  const names = new Set(Object.keys(config.profiles));
  for (const account of accounts ?? []) {
    const [name, field] = [account.slice(0, account.lastIndexOf(':')), account.slice(account.lastIndexOf(':') + 1)];
    if (name && CREDENTIAL_FIELDS.some(([, f]) => f === field)) names.add(name);
  }
  const current = globals.profile ?? 'default';
  const views: ProfileView[] = [...names].sort().map((name) => {
    const settings = Object.hasOwn(config.profiles, name) ? config.profiles[name] : undefined;
    const where = (field: (typeof CREDENTIAL_FIELDS)[number][1]): Where => (accounts === undefined ? 'unknown' : accounts.includes(accountFor(name, field)) ? 'keychain' : 'missing');
    return {
      profile: name,
      current: name === current,
      ...environmentOf(settings),
      secrets: {clientId: where('client-id'), clientSecret: where('client-secret'), apiKey: where('api-key')},
      ...(settings?.lastCustomer ? {lastCustomer: settings.lastCustomer} : {}),
      ...(settings?.lastUsedAt ? {lastUsedAt: settings.lastUsedAt} : {}),
    };
  });

  if (options.check) {
    // In parallel: ten profiles cost one round trip, not ten.
    await Promise.all(
      views.map(async (view) => {
        try {
          const session = await ctx.sessions.open({...globals, profile: view.profile, sandbox: false});
          try {
            const {report} = await check(session);
            view.check = {
              state: report.check,
              ...(report.rightsProfile === undefined ? {} : {rightsProfile: report.rightsProfile}),
              ...(report.canOrder === undefined ? {} : {canOrder: report.canOrder}),
              ...(report.problem === undefined ? {} : {problem: report.problem}),
            };
          } finally {
            await session.close();
          }
        } catch (thrown) {
          view.check = {state: 'error', problem: toBtalkError(thrown).message};
        }
      }),
    );
  }

  const envOverrides = Object.values(CREDENTIAL_ENV_VARS).filter((v) => runtime.env[v]);
  if (globals.json) {
    runtime.stdout.write(terminalSafeJson(views) + '\n');
  } else if (views.length === 0) {
    runtime.stdout.write(`No profiles yet: run "btalk login" (or "btalk login --profile NAME").\n`);
  } else {
    const where = (w: Where) => (w === 'keychain' ? 'keychain' : w);
    const columns: Array<Column<ProfileView>> = [
      {header: 'PROFILE', value: (v) => `${v.current ? '* ' : '  '}${v.profile}`, shrink: true, minWidth: 10},
      {header: 'ENVIRONMENT', value: (v) => (v.environment === 'custom' ? v.baseUrl : v.environment), shrink: true, minWidth: 14},
      {header: 'CLIENT ID', value: (v) => where(v.secrets.clientId)},
      {header: 'SECRET', value: (v) => where(v.secrets.clientSecret)},
      {header: 'API KEY', value: (v) => where(v.secrets.apiKey)},
      {header: 'LAST CUSTOMER', value: (v) => (v.lastCustomer ? `${v.lastCustomer.code}${v.lastCustomer.name ? ` ${v.lastCustomer.name}` : ''}` : '-'), shrink: true, minWidth: 8, optional: true},
      {header: 'LAST USE', value: (v) => (v.lastUsedAt ? v.lastUsedAt.slice(0, 16).replace('T', ' ') + 'Z' : '-'), optional: true},
      ...(options.check
        ? [{header: 'CHECK', value: (v: ProfileView) => checkText(v), shrink: true, minWidth: 12}]
        : []),
    ];
    const safe = columns.map((c) => ({...c, value: (v: ProfileView) => terminalSafe(c.value(v))}));
    const width = runtime.stdout.isTTY ? (runtime.stdout.columns ?? 80) : undefined;
    const {lines, dropped} = fitTable(safe, views, width);
    runtime.stdout.write(lines.join('\n') + '\n');
    if (dropped.length > 0) runtime.stderr.write(`${dropped.join(' and ')} hidden to fit ${width} columns (see --json or a wider terminal).\n`);
  }
  if (keychainNote) runtime.stderr.write(`${keychainNote}\n`);
  if (envOverrides.length > 0 && !globals.json) runtime.stderr.write(`Note: ${envOverrides.join(', ')} ${envOverrides.length === 1 ? 'is' : 'are'} set and override${envOverrides.length === 1 ? 's' : ''} the keychain for every profile.\n`);
  if (!options.check) return EXIT_CODES.ok;
  const states = views.map((v) => v.check?.state);
  if (states.includes('error')) return EXIT_CODES.error;
  if (states.some((s) => s === 'missing' || s === 'rejected')) return EXIT_CODES.auth;
  return EXIT_CODES.ok;
}

function checkText(v: ProfileView): string {
  const c = v.check;
  if (!c) return '-';
  if (c.state === 'ok') return `✓ ${c.rightsProfile ?? ''}${c.canOrder === false ? ' (read-only)' : ''}`;
  return `✗ ${c.state}${c.problem ? `: ${c.problem}` : ''}`;
}
