/**
 * Test helpers for the emulator: `useEmulator()` starts one on port 0 before each test and closes it
 * after, so every test gets fresh state; the raw-fetch helpers talk to it over real HTTP without
 * btalk's client, for tests of the emulator itself.
 */
import {afterEach, beforeEach} from 'vitest';
import {startEmulator} from '../../src/emulator/server.js';
import type {RunningEmulator, EmulatorAccount, EmulatorSettings, StartEmulatorOptions} from '../../src/emulator/types.js';

export type {RunningEmulator} from '../../src/emulator/types.js';

/**
 * Call at the top of a describe block (or file): returns an accessor for the current test's
 * sandbox. `options` may be settings alone or full start options (e.g. an injected clock).
 */
export function useEmulator(options: Partial<EmulatorSettings> | (() => StartEmulatorOptions) = {}): () => RunningEmulator {
  let current: RunningEmulator | undefined;
  beforeEach(async () => {
    current = await startEmulator(typeof options === 'function' ? options() : {settings: options});
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('useEmulator(): the emulator only exists inside a test');
    return current;
  };
}

/** BTALK_CLIENT_ID/SECRET/API_KEY for an emulator account, so the keychain is never touched. */
export function credentialEnv(account: Pick<EmulatorAccount, 'clientId' | 'clientSecret' | 'apiKey'>): Record<string, string> {
  return {BTALK_CLIENT_ID: account.clientId, BTALK_CLIENT_SECRET: account.clientSecret, BTALK_API_KEY: account.apiKey};
}

/** The variables that point the built CLI at this emulator with its demo account. */
export function emulatorEnv(sandbox: RunningEmulator): Record<string, string> {
  return {BTALK_BASE_URL: sandbox.baseUrl, ...credentialEnv(sandbox.demo)};
}

/** RFC 6749 2.3.1: form-urlencode id and secret, then Basic. */
export function basicAuth(clientId: string, clientSecret: string): string {
  const form = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return 'Basic ' + Buffer.from(`${form(clientId)}:${form(clientSecret)}`).toString('base64');
}

/** Raw token request; returns the fetch Response. */
export function requestToken(sandbox: RunningEmulator, account: Pick<EmulatorAccount, 'clientId' | 'clientSecret'>, body = 'grant_type=client_credentials'): Promise<Response> {
  return fetch(sandbox.tokenUrl, {
    method: 'POST',
    headers: {authorization: basicAuth(account.clientId, account.clientSecret), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json'},
    body,
  });
}

/** An access token for the account (throws if the emulator refuses). */
export async function tokenFor(sandbox: RunningEmulator, account: Pick<EmulatorAccount, 'clientId' | 'clientSecret'> = sandbox.demo): Promise<string> {
  const res = await requestToken(sandbox, account);
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as {access_token: string}).access_token;
}

export interface ApiRequest {
  method?: string;
  /** Adds the usual bearer; pass null to send none. */
  token?: string | null;
  /** Defaults to the demo key; pass null to send none. */
  apiKey?: string | null;
  /** Serialised as JSON with Content-Type application/json unless `rawBody` is given. */
  json?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A request to `sandbox.baseUrl + path` with the Business Talk headers. */
export async function api(sandbox: RunningEmulator, path: string, request: ApiRequest = {}): Promise<Response> {
  const headers: Record<string, string> = {accept: 'application/json'};
  const token = request.token === undefined ? await tokenFor(sandbox) : request.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  const apiKey = request.apiKey === undefined ? sandbox.demo.apiKey : request.apiKey;
  if (apiKey !== null) headers['x-bt-api-key'] = apiKey;
  let body: string | undefined = request.rawBody;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  }
  return fetch(sandbox.baseUrl + path, {method: request.method ?? (body === undefined ? 'GET' : 'POST'), headers: {...headers, ...request.headers}, body});
}

/** The getting-started page's order body, with overrides per parameter. */
export function orderBody(parameters: Record<string, unknown> = {}, reference: unknown = 'myOrder'): Record<string, unknown> {
  return {
    customerOrderReference: reference,
    parameters: {technicalSiteName: 'MY_VOICESITE', customerSiteLabel: 'My Voicesite in France', country: 'FR', vpnId: 'aa76e66dfc63', ...parameters},
  };
}
