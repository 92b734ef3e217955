/**
 * What `btalk status` does (loaded by its action): which profile and environment, where each
 * secret comes from, and whether they work (token + GET /me). Never prints a secret: at most the
 * last 4 characters of the key.
 */
import {BtalkError, EXIT_CODES, formatError, toBtalkError} from '../errors.js';
import {apiKeyProblem, CREDENTIAL_ENV_VARS} from '../secrets/env-credentials.js';
import {keychainReason} from '../secrets/keychain-errors.js';
import {apiKeyLast4, proveCredentials, READONLY_WARNING, type Proof} from '../secrets/prove-credentials.js';
import {loginCommand} from '../secrets/secret-origin.js';
import type {CredentialSources, Session} from '../session-types.js';
import type {CommandContext} from './context.js';
import {terminalSafeJson} from '../text/terminal-safe.js';

export type CheckState = 'ok' | 'missing' | 'rejected' | 'error';

export interface StatusReport {
  profile: string;
  environment: string;
  baseUrl: string;
  sources: CredentialSources;
  /** Exactly the key's last 4 characters (no ellipsis), for scripts; absent for a too-short key. */
  apiKeyLast4?: string;
  check: CheckState;
  rightsProfile?: string;
  canOrder?: boolean;
  problem?: string;
  error?: Record<string, unknown>;
}

const LABELS: Record<keyof CredentialSources, string> = {clientId: 'client id', clientSecret: 'client secret', apiKey: 'API key'};

export async function status(ctx: CommandContext): Promise<number> {
  const globals = ctx.globals();
  const session = await ctx.sessions.open(globals);
  try {
    const {report, error} = await check(session);
    const code = report.check === 'ok' ? EXIT_CODES.ok : report.check === 'error' ? EXIT_CODES.error : EXIT_CODES.auth;
    if (globals.json) {
      ctx.runtime.stdout.write(terminalSafeJson({ok: code === 0, ...report}) + '\n');
    } else {
      ctx.runtime.stdout.write(humanReport(report).join('\n') + '\n');
      if (error) ctx.runtime.stderr.write(formatError(error).join('\n') + '\n');
    }
    return code;
  } finally {
    await session.close();
  }
}

/** Proves a session's credentials (token + GET /me) and says how it went; never throws for a failed check. */
export async function check(session: Session): Promise<{report: StatusReport; error?: BtalkError}> {
  const base: StatusReport = {
    profile: session.profile,
    environment: session.environment.name,
    baseUrl: session.environment.baseUrl,
    sources: session.sources,
    check: 'missing',
  };
  const credentials = session.credentials;
  if (!credentials) {
    const missing = (Object.keys(LABELS) as Array<keyof CredentialSources>).filter((k) => session.sources[k] === 'missing');
    const vars = missing.map((k) => CREDENTIAL_ENV_VARS[k]).join(', ');
    const keychain = session.keychainProblem;
    if (keychain) {
      // "btalk login" cannot help without a keychain: the environment can, or a keychain (the hint).
      const problem = `missing ${missing.map((k) => LABELS[k]).join(', ')}: the OS keychain could not be read (${keychainReason(keychain)}); set ${vars}`;
      return {report: {...base, problem, error: keychain.toJSON()}, error: keychain};
    }
    const problem = `missing ${missing.map((k) => LABELS[k]).join(', ')}: run "${loginCommand(session.profile)}" or set ${vars}`;
    return {report: {...base, problem}};
  }
  const last4 = apiKeyLast4(credentials.apiKey);
  const withTail: StatusReport = {...base, ...(last4 === undefined ? {} : {apiKeyLast4: last4})};
  const keyProblem = apiKeyProblem(credentials.apiKey);
  if (keyProblem) return {report: {...withTail, check: 'rejected', problem: `the API key (${session.sources.apiKey}) ${keyProblem}`}};
  let proof: Proof;
  try {
    proof = await proveCredentials(session.api(credentials));
  } catch (thrown) {
    const error = toBtalkError(thrown);
    // A flag or variable of this run that is wrong (--timeout abc, a proxy variable that is no
    // URL) is a usage error (exit 2) like in every command, not a check that could not be made.
    if (error.kind === 'usage') throw error;
    const rejected = error.kind === 'auth' || error.kind === 'forbidden';
    return {
      report: {
        ...withTail,
        check: rejected ? 'rejected' : 'error',
        // The API's answer says which secret it refused (client id/secret at the token, or the key).
        problem: rejected ? `the API rejected these credentials: ${error.message}` : 'the check could not be made',
        error: error.toJSON(),
      },
      error,
    };
  }
  return {report: {...withTail, check: 'ok', rightsProfile: proof.rightsProfile, canOrder: proof.canOrder}};
}

function humanReport(r: StatusReport): string[] {
  const source = (k: keyof CredentialSources) => {
    const s = r.sources[k];
    const where = s === 'environment' ? `environment (${CREDENTIAL_ENV_VARS[k]})` : s;
    return k === 'apiKey' && r.apiKeyLast4 ? `${where}, ends …${r.apiKeyLast4}` : where;
  };
  const lines = [
    `Profile:       ${r.profile}`,
    `Environment:   ${r.environment} (${r.baseUrl})`,
    `Client id:     ${source('clientId')}`,
    `Client secret: ${source('clientSecret')}`,
    `API key:       ${source('apiKey')}`,
  ];
  switch (r.check) {
    case 'ok':
      lines.push(`Access:        ✓ token and GET /me work`);
      lines.push(`Rights:        ${r.rightsProfile} (${r.canOrder ? 'can order' : 'read-only, cannot order'})`);
      if (!r.canOrder) lines.push(`               ${READONLY_WARNING}`);
      break;
    case 'missing':
      lines.push(`Access:        ✗ not logged in (${r.problem})`);
      break;
    case 'rejected':
      lines.push(`Access:        ✗ ${r.problem}`);
      break;
    case 'error':
      lines.push(`Access:        ? ${r.problem} (see below)`);
      break;
  }
  return lines;
}
