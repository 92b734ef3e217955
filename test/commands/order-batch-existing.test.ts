/**
 * A batch run again, and a batch that names sites that already exist, on the emulator's account
 * with three customers (41001 Acme Europe has SIEGE_PARIS in France on its VPN 01). A row's
 * customer may be written as a code or as a name: the existing site and the
 * rows sharing a name are found with the customer it resolves to, and a site of that name ordered
 * with another VPN, country or label is the row's problem, never "skipped" as if it were done.
 */
import {writeFile} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {credentialEnv, useBatchRuns} from '../order/harness.js';

const multi = {env: credentialEnv(EMULATOR_ACCOUNTS.multi)};

describe('btalk order --from, sites that already exist', () => {
  const {sandbox, file, run} = useBatchRuns('btalk-batch-existing-');

  it('a customer written by name: the second run skips the row it ordered, it does not send it again', async () => {
    await writeFile(file('by-name.csv'), 'client;vpn;pays;libellé\r\nAcme Europe;Acme EU VPN 01;FR;Agence Nantes\r\n');
    const first = await run(['order', '--from', 'by-name.csv', '--yes'], multi);
    expect(first.code, first.stderr).toBe(0);
    expect(sandbox().counters.ordersCreated).toBe(1);
    const dry = await run(['order', '--from', 'by-name.csv', '--dry-run'], multi);
    expect(dry.stderr).toContain('0 would be ordered (1 already exists and is skipped)');
    const again = await run(['order', '--from', 'by-name.csv', '--yes'], multi);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('Nothing to send: every row of by-name.csv already exists');
    expect(sandbox().counters.byRoute['POST /customers/:customerCode/orders']).toBe(1);
  });

  it('one site named twice, once by customer code and once by name: the second row is refused before anything is sent', async () => {
    await writeFile(
      file('twice.csv'),
      'client;vpn;pays;nom technique;libellé\r\n41001;Acme EU VPN 01;FR;DUP_SITE;Dup A\r\nacme europe;Acme EU VPN 01;FR;DUP_SITE;Dup B\r\n',
    );
    const r = await run(['order', '--from', 'twice.csv', '--yes'], multi);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DUP_SITE is also the site name of row 2');
    expect(sandbox().counters.ordersCreated).toBe(0);
  });

  it('a site of that name ordered with another VPN, country or label: the row is refused, not skipped as done', async () => {
    // SIEGE_PARIS exists for 41001 in France on its VPN 01.
    await writeFile(file('conflict.csv'), 'customer,vpn,country,site-name,label\r\n41001,Acme EU VPN 02,JP,SIEGE_PARIS,Totally different\r\n');
    const r = await run(['order', '--from', 'conflict.csv', '--yes'], multi);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a voicesite named SIEGE_PARIS already exists for customer 41001 \(vs\w+\) with VPN \w+, not \w+ \(Acme EU VPN 02\); country FR, not JP; label "[^"]+", not "Totally different": give this row a site-name of its own/);
    expect(r.stderr).not.toContain('skipped');
    expect(sandbox().counters.ordersCreated).toBe(0);
  });
});

describe('btalk order --from, a file saved again', () => {
  const {sandbox, file, run} = useBatchRuns('btalk-batch-resaved-');

  it('labels that read the same (a non-breaking or doubled space, é decomposed) still resume; a label edited since is said to be likely this row\'s own order', async () => {
    await writeFile(file('a.csv'), 'customer,vpn,country,site-name,label\r\n41001,Acme EU VPN 01,FR,RV_A,Agence Nord\r\n41001,Acme EU VPN 01,FR,RV_B,Agence  Sud \r\n41001,Acme EU VPN 01,FR,RV_C,Café Est\r\n');
    const first = await run(['order', '--from', 'a.csv', '--yes'], multi);
    expect(first.code, first.stderr).toBe(0);
    await writeFile(file('b.csv'), `customer,vpn,country,site-name,label\r\n41001,Acme EU VPN 01,FR,RV_A,Agence\u00a0Nord\r\n41001,Acme EU VPN 01,FR,RV_B,Agence Sud\r\n41001,Acme EU VPN 01,FR,RV_C,${'Café Est'.normalize('NFD')}\r\n`);
    const again = await run(['order', '--from', 'b.csv', '--yes'], multi);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('Nothing to send: every row of b.csv already exists');

    await writeFile(file('c.csv'), 'customer,vpn,country,site-name,label\r\n41001,Acme EU VPN 01,FR,RV_A,Agence Nord-Est\r\n');
    const edited = await run(['order', '--from', 'c.csv', '--yes'], multi);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain('with label "Agence Nord", not "Agence Nord-Est": if it is this row\'s earlier order, with its label changed since, remove the row');
    expect(sandbox().counters.ordersCreated).toBe(3);
  });
});

describe('btalk order --from, answers given beside the file', () => {
  const {file, run} = useBatchRuns('btalk-batch-fill-');

  it('says which rows a flag or a variable filled, and which kept their own cell', async () => {
    await writeFile(file('fill.csv'), 'vpn;pays;libellé\r\nMy VPN 1;;Paris\r\nMy VPN 1;DE;Berlin\r\nMy VPN 1;;Lyon\r\n');
    const r = await run(['order', '--from', 'fill.csv', '--dry-run'], {env: {...credentialEnv(EMULATOR_ACCOUNTS.demo), BTALK_COUNTRY: 'FR'}});
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('rows 2 and 4 without country take "FR" from --country (BTALK_COUNTRY).');
    expect(r.stderr).toContain('row 3 keeps its own country: --country (BTALK_COUNTRY) fills only empty cells.');
  });
});
