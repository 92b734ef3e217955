/**
 * `btalk doctor`: every reason btalk may fail on this machine, checked in order with one line
 * each (✓ or ✗ and the fix), as `gcloud info --run-diagnostics` and `ngrok diagnose` do: Node.js,
 * the config file, profile and environment, the proxy (which one and why, and whether it
 * answers), DNS and TCP to the API host, TLS (a TLS-inspecting proxy's certificate named), the
 * clock against the server's Date header, the OS keychain, the token, and GET /me with the rights
 * profile. Every check has a deadline; a check that needs a failed one is skipped ("–").
 */
import type {Socket} from 'node:net';
import {canOrder} from '../api/schemas.js';
import {lookupHost, openTcp, probeTls, serverDate, tunnelThrough} from '../api/probe.js';
import {displayProxy, explainProxy, type ProxyExplanation} from '../api/proxy.js';
import type {ConfigStore} from '../config/config-store.js';
import {checkBaseUrl} from '../environments.js';
import {toBtalkError} from '../errors.js';
import type {GlobalOptions} from '../global-options.js';
import type {Runtime} from '../runtime.js';
import {CREDENTIAL_ENV_LIST} from '../secrets/env-credentials.js';
import {hintFor, keychainReason} from '../secrets/keychain-errors.js';
import type {SecretStore} from '../secrets/types.js';
import {loginCommand} from '../secrets/secret-origin.js';
import type {Session, SessionFactory} from '../session-types.js';
import {terminalSafeLines} from '../text/terminal-safe.js';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
  ms: number;
}

export interface DoctorDeps {
  runtime: Runtime;
  sessions: SessionFactory;
  globals: GlobalOptions;
  config: ConfigStore;
  /** The OS keychain store (its calls have their own deadline). */
  keychain: () => SecretStore;
  /** Per network check (default 5 s). */
  deadlineMs?: number;
  /** The largest clock difference that passes (default 60 s; the Date header has 1 s steps). */
  maxSkewMs?: number;
}

const MIN_NODE_MAJOR = 20;

class Skip extends Error {}
class Fail extends Error {
  constructor(message: string, readonly fix: string) {
    super(message);
  }
}

function withDeadline<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function duration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  return s >= 120 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

export async function runDoctor(deps: DoctorDeps, onResult: (r: CheckResult) => void = () => {}): Promise<CheckResult[]> {
  const {runtime} = deps;
  const network = deps.deadlineMs ?? 5000;
  const results: CheckResult[] = [];
  let session: Session | undefined;
  let target: URL | undefined;
  let proxy: ProxyExplanation | undefined;
  let proxyAnswers = false;
  let reachable = false;
  let tlsOk = false;
  let tokenOk = false;

  async function check(id: string, title: string, body: () => Promise<string>): Promise<void> {
    const started = Date.now();
    let result: Omit<CheckResult, 'ms'>;
    try {
      result = {id, title, status: 'pass', detail: await body()};
    } catch (thrown) {
      if (thrown instanceof Skip) result = {id, title, status: 'skip', detail: thrown.message};
      else if (thrown instanceof Fail) result = {id, title, status: 'fail', detail: thrown.message, fix: thrown.fix};
      else {
        const e = toBtalkError(thrown);
        result = {id, title, status: 'fail', detail: e.message, ...(e.hint ? {fix: e.hint} : {fix: 'See the message above; run the command again with --debug for each request.'})};
      }
    }
    const done = {...result, detail: terminalSafeLines(result.detail), ...(result.fix ? {fix: terminalSafeLines(result.fix)} : {}), ms: Date.now() - started};
    results.push(done);
    onResult(done);
  }

  await check('node', 'Node.js', async () => {
    const version = runtime.nodeVersion ?? 'unknown';
    const major = Number.parseInt(version, 10);
    if (!(major >= MIN_NODE_MAJOR)) throw new Fail(`Node.js ${version}; btalk needs ${MIN_NODE_MAJOR} or later`, `Install Node.js ${MIN_NODE_MAJOR} LTS or later (https://nodejs.org, or your package manager).`);
    return `${version} (btalk needs ${MIN_NODE_MAJOR} or later)`;
  });

  await check('config', 'Config file', async () => {
    const config = await deps.config.read();
    const count = Object.keys(config.profiles).length;
    return count === 0 ? `${deps.config.file} (none yet: defaults apply)` : `${deps.config.file} (${count} profile${count === 1 ? '' : 's'})`;
  });

  await check('profile', 'Profile', async () => {
    session = await withDeadline(network + 4000, 'opening the profile', deps.sessions.open(deps.globals));
    target = new URL(checkBaseUrl(session.environment.baseUrl));
    return `"${session.profile}", ${session.environment.name} (${session.environment.baseUrl})`;
  });

  await check('proxy', 'Proxy', async () => {
    if (!target) throw new Skip('needs the profile and its base URL');
    proxy = explainProxy(target.href, runtime.env);
    if (!proxy.proxy) {
      proxyAnswers = true;
      return proxy.reason;
    }
    const p = new URL(proxy.proxy);
    if (p.protocol !== 'http:' && p.protocol !== 'https:') {
      throw new Fail(`${proxy.reason}: btalk speaks only to http:// proxies, not ${p.protocol}//`, `Set ${proxy.variable} to the proxy's http:// address.`);
    }
    try {
      const socket = await openTcp(p.hostname, Number(p.port) || (p.protocol === 'https:' ? 443 : 80), network);
      socket.destroy();
    } catch (thrown) {
      throw new Fail(`${proxy.reason}, which does not answer (${(thrown as Error).message})`, `Check ${proxy.variable} (host and port), or add ${target.hostname} to NO_PROXY if it is reachable directly.`);
    }
    proxyAnswers = true;
    return `${proxy.reason}, which answers`;
  });

  await check('network', 'DNS and TCP', async () => {
    if (!target || !proxy) throw new Skip('needs the profile and its base URL');
    if (!proxyAnswers) throw new Skip(`needs the proxy (${displayProxy(proxy.proxy!)})`);
    const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
    if (proxy.proxy) {
      let tunnel: Socket;
      try {
        tunnel = await tunnelThrough(proxy.proxy, target.hostname, port, network);
      } catch (thrown) {
        const message = (thrown as Error).message;
        const fix = /CONNECT with 407\b/.test(message)
          ? `The proxy asks for credentials: put them in ${proxy.variable ?? 'HTTPS_PROXY'}, e.g. http://user:password@proxy.example:8080 (@, : and / percent-encoded); if they are there, they were refused.`
          : `The proxy resolves and connects for btalk: ask its administrators to allow ${target.hostname}:${port}.`;
        throw new Fail(`${target.hostname}:${port} through ${displayProxy(proxy.proxy)}: ${message}`, fix);
      }
      tunnel.destroy();
      reachable = true;
      return `${target.hostname}:${port} reached through ${displayProxy(proxy.proxy)} (the proxy resolves the name)`;
    }
    let addresses: string[];
    try {
      addresses = await lookupHost(target.hostname, network);
    } catch (thrown) {
      throw new Fail(`${target.hostname} does not resolve (${(thrown as Error).message})`, `Check the DNS settings (resolv.conf) or the host in the base URL; behind a corporate proxy set HTTPS_PROXY.`);
    }
    const started = Date.now();
    try {
      const socket = await openTcp(addresses[0]!, port, network);
      socket.destroy();
    } catch (thrown) {
      throw new Fail(`${target.hostname} (${addresses[0]}) port ${port} does not answer (${(thrown as Error).message})`, `A firewall may block it: behind a corporate proxy set HTTPS_PROXY; otherwise check the base URL.`);
    }
    reachable = true;
    return `${target.hostname} → ${addresses.slice(0, 2).join(', ')}, TCP port ${port} open (${Date.now() - started} ms)`;
  });

  await check('tls', 'TLS', async () => {
    if (!target) throw new Skip('needs the profile and its base URL');
    if (target.protocol === 'http:') {
      tlsOk = reachable;
      return `plain http to ${target.hostname} (the emulator): no TLS`;
    }
    if (!reachable) throw new Skip('needs the API host');
    const port = Number(target.port) || 443;
    const socket = proxy?.proxy ? await tunnelThrough(proxy.proxy, target.hostname, port, network) : undefined;
    const tls = await probeTls(target.hostname, port, network, socket);
    const chain = tls.chain.join(' ← ');
    if (tls.authorized) {
      tlsOk = true;
      return `${tls.protocol ?? 'TLS'}, certificate trusted (${chain})`;
    }
    const root = tls.chain.at(-1) ?? 'an unknown issuer';
    const extra = runtime.env['NODE_EXTRA_CA_CERTS'];
    throw new Fail(
      `the certificate of ${target.hostname} is not trusted (${tls.error ?? 'unverified'}): ${chain}. "${root}" is likely a TLS-inspecting proxy's certificate authority`,
      extra
        ? `NODE_EXTRA_CA_CERTS is set (${extra}) but does not hold "${root}": point it at a PEM file with that CA (ask your IT team), then run again.`
        : `Get the "${root}" CA certificate as a PEM file (your IT team has it) and set NODE_EXTRA_CA_CERTS=/path/to/that.pem before running btalk.`,
    );
  });

  await check('clock', 'Clock', async () => {
    if (!target || !reachable) throw new Skip('needs the API host');
    if (!tlsOk) throw new Skip('needs a trusted TLS connection');
    const answer = await withDeadline(network, 'the Date header', serverDate(target.href.replace(/\/$/, ''), runtime.env, network));
    const server = answer.date ? Date.parse(answer.date) : Number.NaN;
    if (Number.isNaN(server)) throw new Skip(`the server sent no usable Date header (HTTP ${answer.status})`);
    const skew = runtime.clock() - server;
    const limit = deps.maxSkewMs ?? 60_000;
    if (Math.abs(skew) > limit) {
      throw new Fail(
        `this machine's clock is ${duration(skew)} ${skew > 0 ? 'ahead of' : 'behind'} the server's (its Date: ${answer.date}); tokens and TLS certificates may then be refused`,
        'Set the clock right: turn on time sync (e.g. `sudo timedatectl set-ntp true`, or Windows "Sync now"), then run again.',
      );
    }
    return `within ${duration(skew)} of the server's Date header`;
  });

  await check('keychain', 'OS keychain', async () => {
    let accounts: string[];
    try {
      accounts = await deps.keychain().list();
    } catch (thrown) {
      const e = toBtalkError(thrown);
      // A headless box over SSH often has no keychain, and needs none when the environment gives
      // every secret: then it is not a failure of this machine, only a fact.
      const fromEnvironment = session !== undefined && Object.values(session.sources).every((s) => s === 'environment');
      if (fromEnvironment) throw new Skip(`not usable (${keychainReason(e)}), and not needed: every secret of this run comes from BTALK_* variables`);
      throw new Fail(`not usable: ${keychainReason(e)}`, e.hint ?? hintFor(runtime.platform));
    }
    const note = session?.emulated ? '; --sandbox itself keeps credentials in memory' : '';
    return `available (${accounts.length} btalk item${accounts.length === 1 ? '' : 's'})${note}`;
  });

  await check('token', 'Token', async () => {
    if (!session) throw new Skip('needs the profile');
    if (!session.credentials) {
      const missing = Object.entries(session.sources).filter(([, s]) => s === 'missing').map(([k]) => k);
      const why = session.keychainProblem ? ` (the keychain could not be read: ${keychainReason(session.keychainProblem)})` : '';
      throw new Fail(`no credentials for profile "${session.profile}": missing ${missing.join(', ')}${why}`, `Run "${loginCommand(session.profile)}", or set ${CREDENTIAL_ENV_LIST}.`);
    }
    if (!reachable) throw new Skip('needs the API host');
    if (!tlsOk) throw new Skip('needs a trusted TLS connection');
    await withDeadline(network * 2, 'the token request', session.api(session.credentials).token());
    tokenOk = true;
    return `the token endpoint accepted client id "${session.credentials.clientId}" (${session.sources.clientId})`;
  });

  await check('me', 'GET /me', async () => {
    if (!session?.credentials || !tokenOk) throw new Skip('needs a token');
    const me = await withDeadline(network * 2, 'GET /me', session.api(session.credentials).me());
    if (!canOrder(me)) {
      throw new Fail(`rights profile "${me.rightsProfile}": this API key is read-only and cannot order`, 'Get an order-capable API key (Business Talk Online portal, Developer tab), then run "btalk login" again.');
    }
    return `rights profile "${me.rightsProfile}" (can order)`;
  });

  await session?.close();
  return results;
}

export function doctorLine(r: CheckResult): string[] {
  const mark = r.status === 'pass' ? '✓' : r.status === 'fail' ? '✗' : '–';
  const lines = [`${mark} ${r.title.padEnd(12)} ${r.status === 'skip' ? `not checked: ${r.detail}` : r.detail}`];
  if (r.fix) lines.push(`  ${' '.repeat(12)} Fix: ${r.fix}`);
  return lines;
}
