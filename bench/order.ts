/**
 * `btalk order` with every emulator answer delayed (as by a distant gateway), against the
 * getting-started page's walk: seven sequential curl requests (token, me, customers, vpns,
 * country, order, voicesites) to the same emulator with the same delay, in the same run.
 */
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {RunningEmulator} from '../src/emulator/types.js';
import {btalk, timeProcess, type ProcessResult} from './proc.js';
import {median, ms, report, section} from './stats.js';

async function curlWalk(emulator: RunningEmulator, site: string): Promise<number> {
  const {clientId, clientSecret, apiKey} = emulator.demo;
  const started = performance.now();
  const curl = async (args: string[]) => {
    const r = await timeProcess('curl', ['-sS', '--fail-with-body', ...args], process.env);
    if (r.code !== 0) throw new Error(`curl ${args.join(' ')}: ${r.stdout}${r.stderr}`);
    return r.stdout;
  };
  const token = (JSON.parse(await curl(['-u', `${clientId}:${clientSecret}`, '-d', 'grant_type=client_credentials', emulator.tokenUrl])) as {access_token: string})
    .access_token;
  const h = ['-H', `Authorization: Bearer ${token}`, '-H', `X-BT-API-KEY: ${apiKey}`];
  await curl([...h, `${emulator.baseUrl}/me`]);
  await curl([...h, `${emulator.baseUrl}/customers`]);
  await curl([...h, `${emulator.baseUrl}/customers/9999/vpns`]);
  await curl([...h, `${emulator.baseUrl}/countries/FR`]);
  const body = JSON.stringify({customerOrderReference: 'bench', parameters: {technicalSiteName: site, customerSiteLabel: 'Bench site', country: 'FR', vpnId: 'aa76e66dfc63'}});
  await curl([...h, '-X', 'POST', '-H', 'Content-Type: application/json', '-d', body, `${emulator.baseUrl}/customers/9999/orders`]);
  await curl([...h, `${emulator.baseUrl}/voicesites`]);
  return performance.now() - started;
}

const orderArgs = (site: string, extra: string[] = []) => ['order', '--json', '--yes', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'Bench site', '--site-name', site, ...extra];

function checked(r: ProcessResult): number {
  if (r.code !== 0 || !r.stdout.includes('voiceSiteId')) throw new Error(`btalk order failed (exit ${r.code}): ${r.stderr.slice(-600)}`);
  return r.ms;
}

export async function orderBench(emulator: RunningEmulator, baseEnv: NodeJS.ProcessEnv, runs: number, latencyMs: number, keychain: boolean): Promise<void> {
  section(`btalk order, every emulator answer delayed ${latencyMs} ms (median of ${runs} runs, interleaved with the curl walk)`);
  const saved = emulator.settings.latencyMs;
  emulator.settings.latencyMs = latencyMs;
  let n = 0;
  const site = () => `BENCH_${process.pid}_${++n}`;
  try {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-bench-order-'));
    const envCreds = {
      ...baseEnv,
      BTALK_BASE_URL: emulator.baseUrl,
      BTALK_CLIENT_ID: emulator.demo.clientId,
      BTALK_CLIENT_SECRET: emulator.demo.clientSecret,
      BTALK_API_KEY: emulator.demo.apiKey,
    };
    const walk: number[] = [];
    const fresh: number[] = [];
    const remembered: number[] = [];
    const requests = {fresh: 0, remembered: 0};
    // Credentials from the environment make no profile, so nothing is remembered: --customer
    // gives the customer instead (the keychain case below remembers it).
    const rememberedEnv = {...envCreds, BTALK_CONFIG_DIR: path.join(dir, 'given')};
    for (let i = 0; i < runs; i++) {
      walk.push(await curlWalk(emulator, site()));
      let before = emulator.counters.requests;
      fresh.push(checked(await btalk(orderArgs(site()), {...envCreds, BTALK_CONFIG_DIR: path.join(dir, `fresh-${i}`)})));
      requests.fresh = emulator.counters.requests - before;
      before = emulator.counters.requests;
      remembered.push(checked(await btalk(orderArgs(site(), ['--customer', '9999']), rememberedEnv)));
      requests.remembered = emulator.counters.requests - before;
    }
    const reference = median(walk);
    report({name: `curl walk: 7 sequential requests (ideal ${ms(7 * latencyMs)})`, value: ms(reference)});
    const freshRatio = median(fresh) / reference;
    report({
      name: `btalk order, token to fetch, customer found from the list (${requests.fresh} requests)`,
      value: ms(median(fresh)),
      reference: 'curl walk',
      ratio: freshRatio,
      goal: '<= 0.6x',
      met: freshRatio <= 0.6,
    });
    const rememberedRatio = median(remembered) / reference;
    report({
      name: `btalk order, token to fetch, --customer given (${requests.remembered} requests)`,
      value: ms(median(remembered)),
      reference: 'curl walk',
      ratio: rememberedRatio,
      goal: '<= 0.6x',
      met: rememberedRatio <= 0.6,
    });

    if (!keychain) {
      report({name: 'btalk order, cached token', value: 'not measured: no Secret Service (run under dbus-run-session with gnome-keyring)'});
      return;
    }
    // Saved credentials: the token is cached in the keychain between runs.
    const keyEnv = {...baseEnv, BTALK_CONFIG_DIR: path.join(dir, 'keychain'), BTALK_BASE_URL: emulator.baseUrl};
    const {clientId, clientSecret, apiKey} = emulator.demo;
    const login = await btalk(['login'], keyEnv, `${clientId}\n${clientSecret}\n${apiKey}\n`);
    if (login.code !== 0) throw new Error(`btalk login failed: ${login.stderr}`);
    checked(await btalk(orderArgs(site()), keyEnv));
    const cached: number[] = [];
    let cachedRequests = 0;
    for (let i = 0; i < runs; i++) {
      const before = emulator.counters.requests;
      cached.push(checked(await btalk(orderArgs(site()), keyEnv)));
      cachedRequests = emulator.counters.requests - before;
    }
    const cachedRatio = median(cached) / reference;
    report({
      name: `btalk order, cached token, customer remembered (${cachedRequests} requests)`,
      value: ms(median(cached)),
      reference: 'curl walk',
      ratio: cachedRatio,
      goal: '<= 0.5x',
      met: cachedRatio <= 0.5,
    });
  } finally {
    emulator.settings.latencyMs = saved;
  }
}
