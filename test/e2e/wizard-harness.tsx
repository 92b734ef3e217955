/**
 * Renders the whole wizard against a running emulator, its flow started as btalk starts it
 * (test/helpers/wizard-flow.ts), with the real HTTP client and a session of plain values: no
 * module mocks, only what a person would type.
 */
import {render} from 'ink-testing-library';
import React from 'react';
import {createBusinessTalkApi} from '../../src/api/client.js';
import type {BusinessTalkApi, ClientOptions, Credentials} from '../../src/api/types.js';
import type {StartedFlow} from '../../src/flow/start.js';
import type {RecheckSettings} from '../../src/order/place-order.js';
import type {BtalkError} from '../../src/errors.js';
import type {RunningEmulator} from '../../src/emulator/types.js';
import {App} from '../../src/ui/app.js';
import {themeFor, type Theme} from '../../src/ui/theme.js';
import {keys, press, type, waitForFrame, type InkLike} from '../helpers/ink.js';
import {startTestFlow} from '../helpers/wizard-flow.js';
import type {RecordOrder} from '../../src/journal/record.js';
import type {WizardDeps, WizardExit, WizardSession} from '../../src/ui/wizard-deps.js';

export interface WizardUnderTest {
  ui: ReturnType<typeof render>;
  /** Resolves when the wizard asks to exit. */
  exited: Promise<WizardExit>;
  /** Credentials the wizard asked to save. */
  saved: Credentials[];
  session: WizardSession;
  /** The flow the wizard shows (flow/start.ts); stopped when the test ends, or by the test as btalk stops it. */
  flow: StartedFlow;
}

export interface WizardOptions {
  credentials?: Credentials | undefined;
  clock?: () => number;
  /** Defaults to NO_COLOR's theme, so frames are plain text. */
  theme?: Theme;
  /** Sees (and may record) every API client the wizard builds. */
  wrapApi?: (api: BusinessTalkApi) => BusinessTalkApi;
  /** The session's keychain could not be read (see Session.keychainProblem). */
  keychainProblem?: BtalkError;
  /** The re-check window after an unknown order outcome; short by default in tests. */
  recheck?: RecheckSettings;
  /** Settings of the real client, e.g. a short order timeout. */
  client?: Partial<ClientOptions>;
  /** Journals each order attempt, as the session's journal does. */
  recordOrder?: RecordOrder;
  /** The runtime's interrupts (SIGINT, SIGTERM, SIGHUP), as run-wizard.tsx hands them to the App. */
  onInterrupt?: WizardDeps['onInterrupt'];
}

/** A session on the emulator with the real HTTP client; `saved` collects what it was asked to save. */
export function emulatorSession(sandbox: RunningEmulator, options: Pick<WizardOptions, 'credentials' | 'wrapApi' | 'keychainProblem' | 'client' | 'recordOrder'> = {}, saved: Credentials[] = []): WizardSession {
  const credentials = 'credentials' in options ? options.credentials : {clientId: sandbox.demo.clientId, clientSecret: sandbox.demo.clientSecret, apiKey: sandbox.demo.apiKey};
  return {
    profile: 'default',
    environment: {name: 'sandbox', baseUrl: sandbox.baseUrl},
    emulated: true,
    credentials,
    api: (c, apiOptions) => (options.wrapApi ?? ((api) => api))(createBusinessTalkApi({baseUrl: sandbox.baseUrl, credentials: c, maxRetryDelayMs: 10, ...options.client, ...apiOptions})),
    saveCredentials: async (c) => {
      if (options.keychainProblem) throw options.keychainProblem;
      saved.push(c);
    },
    ...(options.keychainProblem ? {keychainProblem: options.keychainProblem} : {}),
    ...(options.recordOrder ? {recordOrder: options.recordOrder} : {}),
  };
}

export function startWizard(sandbox: RunningEmulator, options: WizardOptions = {}): WizardUnderTest {
  const saved: Credentials[] = [];
  const session = emulatorSession(sandbox, options, saved);
  let resolveExit: (exit: WizardExit) => void = () => {};
  const exited = new Promise<WizardExit>((resolve) => {
    resolveExit = resolve;
  });
  const clock = options.clock ?? (() => Date.now());
  const flow = startTestFlow(session, {clock, recheck: options.recheck ?? {windowMs: 600, firstDelayMs: 50, maxDelayMs: 200}});
  const ui = render(<App session={session} clock={clock} theme={options.theme ?? themeFor({NO_COLOR: '1'})} onExit={resolveExit} flow={flow} {...(options.onInterrupt ? {onInterrupt: options.onInterrupt} : {})} />);
  return {ui, exited, saved, session, flow};
}

/** The account's three secrets as Credentials. */
export function credentialsOf(account: {clientId: string; clientSecret: string; apiKey: string}): Credentials {
  return {clientId: account.clientId, clientSecret: account.clientSecret, apiKey: account.apiKey};
}

/** On the country list: types `code`, takes the country and its coverage, and waits for the names. */
export async function chooseCountry(ui: InkLike, code: string, name: string): Promise<string> {
  await type(ui, code);
  await waitForFrame(ui, `› ${name} (${code})`);
  await press(ui, keys.enter);
  await waitForFrame(ui, `Business Talk Online is available in ${name}`);
  await press(ui, keys.enter);
  return waitForFrame(ui, 'Name the site');
}

/** On the names: Enter on each of the three fields, then the review. */
export async function acceptSiteFields(ui: InkLike): Promise<string> {
  await press(ui, keys.enter);
  await press(ui, keys.enter);
  await press(ui, keys.enter);
  return waitForFrame(ui, 'Review the order');
}

/** From the demo account's VPN list to the review: the first VPN, France, every default. */
export async function toReview(ui: InkLike): Promise<string> {
  await waitForFrame(ui, '2 of 2 VPNs');
  await press(ui, keys.enter);
  await chooseCountry(ui, 'FR', 'France');
  return acceptSiteFields(ui);
}

/** The voiceSiteId on a done screen. */
export function shownId(frame: string): string | undefined {
  return /voiceSiteId\s+(vs\S+)/.exec(frame)?.[1];
}
