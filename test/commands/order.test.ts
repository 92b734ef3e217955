import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {useEmulator} from '../helpers/emulator.js';
import {btalk, credentialEnv, orderFlags, type Harness} from '../order/harness.js';

const POST = 'POST /customers/:customerCode/orders';

describe('btalk order', () => {
  const sandbox = useEmulator();
  const demoEnv = () => credentialEnv(EMULATOR_ACCOUNTS.demo);

  it('--json --yes prints one JSON object with the voiceSiteId and everything that was ordered', async () => {
    const r = await btalk(sandbox(), ['--json', 'order', ...orderFlags(), '--yes'], {env: demoEnv()});
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(out).toMatchObject({
      voiceSiteId: expect.any(String),
      customer: {code: '9999', name: 'My Customer'},
      vpn: {id: 'aa76e66dfc63', name: 'My VPN 1', code: '1'},
      country: {iso2: 'FR', name: 'France'},
      technicalSiteName: 'LYON_01',
      customerSiteLabel: 'Lyon office',
      customerOrderReference: 'PO-1',
      order: {voiceSiteId: out['voiceSiteId'], customerOrderReference: 'PO-1'},
      recovered: false,
    });
    expect(sandbox().counters.ordersCreated).toBe(1);
  });

  it('prints the voiceSiteId alone on stdout, messages on stderr', async () => {
    const r = await btalk(sandbox(), ['order', ...orderFlags(), '--yes'], {env: demoEnv()});
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\S+\n$/);
    expect(r.stderr).toContain(`Ordered: voiceSiteId ${r.stdout.trim()}`);
  });

  it('takes every answer from its BTALK_* variable, and a flag wins over its variable', async () => {
    const env = {
      ...demoEnv(),
      BTALK_CUSTOMER: '9999',
      BTALK_VPN: 'My VPN 1',
      BTALK_COUNTRY: 'Germany',
      BTALK_SITE_NAME: 'BERLIN_01',
      BTALK_LABEL: 'Berlin office',
      BTALK_REFERENCE: 'PO-ENV',
      BTALK_YES: '1',
    };
    const fromEnv = await btalk(sandbox(), ['--json', 'order'], {env});
    expect(fromEnv.code).toBe(0);
    expect(JSON.parse(fromEnv.stdout)).toMatchObject({
      customer: {code: '9999'},
      vpn: {id: 'aa76e66dfc63'},
      country: {iso2: 'DE'},
      technicalSiteName: 'BERLIN_01',
      customerSiteLabel: 'Berlin office',
      customerOrderReference: 'PO-ENV',
    });
    const flagsWin = await btalk(
      sandbox(),
      ['--json', 'order', '--vpn', '2', '--country', 'ES', '--site-name', 'MADRID_01', '--label', 'Madrid office', '--reference', 'PO-FLAG'],
      {env},
    );
    expect(flagsWin.code).toBe(0);
    expect(JSON.parse(flagsWin.stdout)).toMatchObject({
      vpn: {id: '3a45b33edf3', name: 'My VPN 2'},
      country: {iso2: 'ES'},
      technicalSiteName: 'MADRID_01',
      customerSiteLabel: 'Madrid office',
      customerOrderReference: 'PO-FLAG',
    });
  });

  it('derives the site name from the label and a dated reference when they are not given', async () => {
    const r = await btalk(sandbox(), ['--json', 'order', '--vpn', 'aa76e66dfc63', '--country', 'fr', '--label', 'Nantes Gare', '--yes'], {env: demoEnv()});
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({technicalSiteName: 'NANTES_GARE', customerOrderReference: expect.stringMatching(/^btalk-\d{8}-\d{4}$/)});
  });

  it('a derived name spells œ, æ, ø, ł... in ASCII and keeps leading digits behind "SITE_": the request sent says so', async () => {
    const cases: [string, string][] = [
      ['Cœur Défense', 'COEUR_DEFENSE'],
      ['1er étage Lyon', 'SITE_1ER_ETAGE_LYON'],
    ];
    for (const [label, name] of cases) {
      const r = await btalk(undefined, ['--sandbox', 'order', '--dry-run', '--vpn', 'My VPN 1', '--country', 'FR', '--label', label, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as {dryRun: boolean; request: {body: {parameters: Record<string, string>}}};
      expect(out.dryRun).toBe(true);
      expect(out.request.body.parameters).toMatchObject({technicalSiteName: name, customerSiteLabel: label});
    }
  });

  it('lists every missing answer at once and exits 2 before any request', async () => {
    const r = await btalk(sandbox(), ['order', '--site-name', 'bad name'], {env: demoEnv()});
    expect(r.code).toBe(2);
    for (const needle of ['--vpn (BTALK_VPN)', '--country (BTALK_COUNTRY)', '--label (BTALK_LABEL)', '--site-name (BTALK_SITE_NAME)', '--yes']) {
      expect(r.stderr).toContain(needle);
    }
    expect(sandbox().counters.requests).toBe(0);
  });

  it('without a terminal, refuses to order without --yes (exit 2) and sends nothing', async () => {
    const r = await btalk(sandbox(), ['order', ...orderFlags()], {env: demoEnv(), interactive: false});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(r.stderr).toContain('not a terminal');
    expect(sandbox().counters.ordersCreated).toBe(0);
  });

  it('in a terminal, shows the review and orders only after "y"', async () => {
    const no = await btalk(sandbox(), ['order', ...orderFlags()], {env: demoEnv(), interactive: true, stdin: 'n\n'});
    expect(no.stderr).toContain('Site name      LYON_01');
    expect(no.stderr).toContain('Send this order? [y/N]');
    expect(no.code).toBe(130);
    expect(sandbox().counters.ordersCreated).toBe(0);
    const yes = await btalk(sandbox(), ['order', ...orderFlags()], {env: demoEnv(), interactive: true, stdin: 'y\n'});
    expect(yes.code).toBe(0);
    expect(sandbox().counters.ordersCreated).toBe(1);
  });

  it('--dry-run checks everything, prints the exact request and sends nothing', async () => {
    const r = await btalk(sandbox(), ['order', ...orderFlags(), '--dry-run'], {env: demoEnv()});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`POST ${sandbox().baseUrl}/customers/9999/orders`);
    const body = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as unknown;
    expect(body).toEqual({
      customerOrderReference: 'PO-1',
      parameters: {technicalSiteName: 'LYON_01', customerSiteLabel: 'Lyon office', country: 'FR', vpnId: 'aa76e66dfc63'},
    });
    const routes = sandbox().counters.byRoute;
    expect(routes['GET /me']).toBe(1);
    expect(routes['GET /voicesites']).toBe(1);
    expect(Object.keys(routes).some((k) => k.startsWith('GET /countries'))).toBe(true);
    expect(routes[POST] ?? 0).toBe(0);
    expect(sandbox().counters.ordersCreated).toBe(0);
  });

  it('--dry-run still refuses what the real run would: an uncovered country and an unknown VPN, together', async () => {
    const r = await btalk(sandbox(), ['order', ...orderFlags({'--country': 'AQ', '--vpn': 'No such VPN'}), '--dry-run'], {env: demoEnv()});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not covered by Business Talk Online');
    expect(r.stderr).toContain('no VPN with id, code or name "No such VPN"');
  });

  it('a read-only key cannot order: exit 1 with what to do', async () => {
    const r = await btalk(sandbox(), ['order', ...orderFlags(), '--yes'], {env: credentialEnv(EMULATOR_ACCOUNTS.demoReadonly)});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('read-only');
    expect(r.stderr).toContain('Next:');
    expect(sandbox().counters.byRoute[POST] ?? 0).toBe(0);
  });

  it('refuses a technical site name that already exists, naming its voiceSiteId, before any POST', async () => {
    const r = await btalk(sandbox(), ['order', ...orderFlags({'--site-name': 'PARIS_HQ'}), '--yes'], {env: demoEnv()});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PARIS_HQ already exists (voiceSiteId vs3c9e1a7f02)');
    expect(sandbox().counters.byRoute[POST] ?? 0).toBe(0);
  });

  it('when the answer to the POST is lost after the order took effect, reports the site instead of ordering twice', async () => {
    sandbox().injectFault({route: POST, reset: 'after'});
    const r = await btalk(sandbox(), ['--json', 'order', ...orderFlags(), '--yes'], {env: demoEnv()});
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {voiceSiteId: string; recovered: boolean};
    expect(out.recovered).toBe(true);
    expect(r.stderr).toContain('No clear answer from the API: looking for LYON_01 in GET /voicesites before anything else');
    expect(sandbox().counters.ordersCreated).toBe(1);
    const list = await btalk(sandbox(), ['--json', 'voicesites', '--filter', 'LYON_01'], {env: demoEnv()});
    expect((JSON.parse(list.stdout) as Array<{voiceSiteId: string}>).map((s) => s.voiceSiteId)).toEqual([out.voiceSiteId]);
  });

  it('with several customers, asks for --customer listing them; a VPN on the second page is found by name', async () => {
    const env = credentialEnv(EMULATOR_ACCOUNTS.multi);
    const none = await btalk(sandbox(), ['order', ...orderFlags({'--vpn': 'Acme EU VPN 45'}), '--yes'], {env});
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('41001 (Acme Europe)');
    expect(none.stderr).toContain('41003');
    const chosen = await btalk(sandbox(), ['--json', 'order', ...orderFlags({'--vpn': 'Acme EU VPN 45', '--customer': '41001'}), '--yes'], {env});
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({customer: {code: '41001'}, vpn: {name: 'Acme EU VPN 45', code: '45'}});
  });

  it('without credentials exits 4 and says how to give them', async () => {
    const r = await btalk(sandbox(), ['order', ...orderFlags(), '--yes'], {env: {BTALK_CLIENT_ID: 'x', BTALK_CLIENT_SECRET: 'y'}});
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('BTALK_API_KEY');
  });

  it('--json errors are one JSON object on stdout', async () => {
    const r = await btalk(sandbox(), ['--json', 'order', '--yes'], {env: demoEnv()});
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as {ok: boolean; error: {kind: string; problems: Array<{field: string}>}};
    expect(out.ok).toBe(false);
    expect(out.error.kind).toBe('usage');
    expect(out.error.problems.map((p) => p.field)).toEqual(['--vpn (BTALK_VPN)', '--country (BTALK_COUNTRY)', '--label (BTALK_LABEL)']);
  });

  it('--sandbox orders against the embedded emulator with its demo account', async () => {
    const r = await btalk(undefined, ['--sandbox', '--json', 'order', ...orderFlags(), '--yes']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({voiceSiteId: expect.any(String), customer: {code: '9999'}});
  });
  it('Ctrl+C at the y/N question is its "no": not confirmed, nothing sent, no handler left behind', async () => {
    let runtime: Harness | undefined;
    const run = btalk(sandbox(), ['order', ...orderFlags()], {env: demoEnv(), interactive: true, onRuntime: (r) => (runtime = r)});
    while (!runtime?.err().includes('Send this order? [y/N]')) await new Promise((resolve) => setTimeout(resolve, 10));
    runtime.interrupt('SIGINT');
    const r = await run;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('Error: Not confirmed: the order was not sent.');
    expect(r.stderr).not.toContain('Interrupted');
    expect(sandbox().counters.byRoute[POST]).toBeUndefined();
    expect(runtime.interruptHandlers()).toBe(0);
  });

  it('an interrupt while the order is checked ends the run as cancelled, nothing sent; no handler is left behind', async () => {
    sandbox().settings.latencyMs = 300;
    let runtime: Harness | undefined;
    const run = btalk(sandbox(), ['--json', 'order', ...orderFlags(), '--yes'], {env: demoEnv(), onRuntime: (r) => (runtime = r)});
    // Once a read after the token has reached the API, the checks are under way.
    while (sandbox().counters.requests <= sandbox().counters.tokenRequests) await new Promise((resolve) => setTimeout(resolve, 10));
    runtime!.interrupt('SIGTERM');
    const r = await run;
    expect(r.code).toBe(130);
    expect(JSON.parse(r.stdout)).toMatchObject({ok: false, error: {kind: 'cancelled', message: 'Interrupted (SIGTERM) before the order was sent: nothing was ordered.'}});
    expect(sandbox().counters.byRoute[POST]).toBeUndefined();
    expect(runtime!.interruptHandlers()).toBe(0);

    sandbox().settings.latencyMs = 0;
    let after: Harness | undefined;
    const ordered = await btalk(sandbox(), ['order', ...orderFlags({'--site-name': 'AFTER_01'}), '--yes'], {env: demoEnv(), onRuntime: (r) => (after = r)});
    expect(ordered.code).toBe(0);
    expect(after!.interruptHandlers()).toBe(0);
  });
});
