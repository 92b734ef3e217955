import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {useEmulator} from '../helpers/emulator.js';
import {btalk, credentialEnv, orderFlags} from '../order/harness.js';

const POST = 'POST /customers/:customerCode/orders';

describe('btalk order on a large account', () => {
  // 6,000 seeded sites plus PARIS_HQ: 6,001, served 10 a page.
  const sandbox = useEmulator(() => ({voicesites: 6000, settings: {pageCap: 10}}));
  const env = () => credentialEnv(EMULATOR_ACCOUNTS.demo);

  it('refuses a name that exists on the last page, before any POST', async () => {
    const r = await btalk(sandbox(), ['order', ...orderFlags({'--site-name': 'SITE_006000'}), '--yes'], {env: env()});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/A voicesite named SITE_006000 already exists \(voiceSiteId vsseed006000\); nothing was ordered/);
    expect(sandbox().counters.byRoute[POST]).toBeUndefined();
    expect(sandbox().counters.byRoute['GET /voicesites']).toBe(601);
  });

  it('refuses to order when the pages do not advance, saying what the server did', async () => {
    sandbox().settings.pagination = 'repeat-page';
    const r = await btalk(sandbox(), ['order', ...orderFlags({'--site-name': 'NEW_SITE'}), '--yes'], {env: env()});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/GET \/voicesites did not return a complete list: it listed voiceSiteId \S+ at position 1 and again at position 11/);
    expect(sandbox().counters.byRoute[POST]).toBeUndefined();
  });
});
