/**
 * The order body and its URL have one home (domain/order-request.ts, api/order-path.ts): for the
 * same answers, the wizard's review, `btalk order --dry-run --json` and the POSTs the emulator
 * receives from the wizard and from `btalk order` show the same body and the same path.
 */
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {EMULATOR_ACCOUNTS, startEmulator} from '../../src/emulator/server.js';
import {useEmulator} from '../helpers/emulator.js';
import {keys, press, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {startWizard, toReview} from '../e2e/wizard-harness.js';
import {srcFilesMatching} from '../helpers/imports.js';
import {btalk, credentialEnv} from './harness.js';

afterEach(() => cleanup());

/** The review's JSON view: the path in its heading and the body below it, as a person reads them. */
function reviewedRequest(frame: string): {path: string; body: unknown} {
  const path = /the exact body of POST (\S+)/.exec(frame)?.[1];
  const lines = frame.split('\n');
  const start = lines.findIndex((l) => l === '{');
  const end = lines.findIndex((l, i) => i > start && l === '}');
  if (path === undefined || start < 0 || end < 0) throw new Error(`no request in the review:\n${frame}`);
  return {path, body: JSON.parse(lines.slice(start, end + 1).join('\n'))};
}

describe('one order request', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('the wizard review, the dry run and the POSTs received carry the same body and path', async () => {
    const s = sandbox();
    const {ui, exited} = startWizard(s);
    await toReview(ui);
    await press(ui, 'j');
    const reviewed = reviewedRequest(await waitForFrame(ui, 'the exact body of POST'));
    expect(reviewed.path).toBe('/customers/9999/orders');
    expect(reviewed.body).toMatchObject({parameters: {vpnId: 'aa76e66dfc63', country: 'FR'}});

    await press(ui, keys.enter);
    await waitForFrame(ui, 'GET /voicesites lists the new site');
    await press(ui, 'q');
    await exited;
    expect(s.orderPosts).toHaveLength(1);
    expect(s.orderPosts[0]!.path).toBe(reviewed.path);
    expect(JSON.parse(s.orderPosts[0]!.body)).toEqual(reviewed.body);

    // The same answers given to `btalk order`.
    const {parameters, customerOrderReference} = reviewed.body as {customerOrderReference: string; parameters: Record<string, string>};
    const flags = [
      '--customer', '9999',
      '--vpn', parameters['vpnId']!,
      '--country', parameters['country']!,
      '--site-name', parameters['technicalSiteName']!,
      '--label', parameters['customerSiteLabel']!,
      '--reference', customerOrderReference,
    ];
    const env = credentialEnv(EMULATOR_ACCOUNTS.demo);
    // Another emulator, where that name is not taken yet.
    const fresh = await startEmulator();
    try {
      const dry = await btalk(fresh, ['--json', 'order', ...flags, '--dry-run'], {env});
      expect(dry.code).toBe(0);
      const planned = (JSON.parse(dry.stdout) as {request: {method: string; url: string; body: unknown}}).request;
      expect(planned).toEqual({method: 'POST', url: fresh.baseUrl + reviewed.path, body: reviewed.body});
      expect(fresh.orderPosts).toEqual([]);

      const sent = await btalk(fresh, ['order', ...flags, '--yes'], {env});
      expect(sent.code).toBe(0);
      expect(fresh.orderPosts).toHaveLength(1);
      expect(fresh.orderPosts[0]!.path).toBe(reviewed.path);
      expect(JSON.parse(fresh.orderPosts[0]!.body)).toEqual(reviewed.body);
    } finally {
      await fresh.close();
    }
  });

  it('keeps the last order POSTs, refused ones included, and forgets them with the counters', async () => {
    const s = sandbox();
    const env = credentialEnv(EMULATOR_ACCOUNTS.demo);
    s.injectFault({route: 'POST /customers/:customerCode/orders', status: 400});
    const failed = await btalk(s, ['order', '--vpn', '1', '--country', 'FR', '--site-name', 'NICE_01', '--label', 'Nice', '--reference', 'PO-9', '--yes'], {env});
    expect(failed.code).not.toBe(0);
    expect(s.orderPosts.map((p) => p.path)).toContain('/customers/9999/orders');
    expect(JSON.parse(s.orderPosts[0]!.body)).toEqual({customerOrderReference: 'PO-9', parameters: {technicalSiteName: 'NICE_01', customerSiteLabel: 'Nice', country: 'FR', vpnId: 'aa76e66dfc63'}});
    s.resetCounters();
    expect(s.orderPosts).toEqual([]);
  });
});

describe('one home for the order path', () => {
  const byHand = /customers\/\$\{[^}]*\}\/orders/;
  it('no module but api/order-path.ts (and the emulator, its other side) writes the order path', () => {
    const offenders = srcFilesMatching(byHand, [join('src', 'api', 'order-path.ts'), join('src', 'emulator')]);
    expect(offenders).toEqual([]);
  });

  it('the rule sees a path written by hand', () => {
    expect(byHand.test('`POST /customers/${props.customerCode}/orders`')).toBe(true);
    expect(byHand.test('`customers/${encodeURIComponent(code)}/orders`')).toBe(true);
  });
});
