/**
 * A row whose order had no clear outcome (the POST went out, the answer was a 503, the site not
 * listed in the re-check window) is not sent again by a later run on its own, whichever copy of
 * the CSV that run reads: the journal, not only the results file beside the CSV, says the order
 * is unsettled. The built CLI, its journal in a state folder of the test's own.
 */
import {copyFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {emulatorEnv, useEmulator} from '../helpers/emulator.js';
import {runBuiltCli} from '../helpers/built-cli.js';

const POST = 'POST /customers/:customerCode/orders';

describe('btalk order, an earlier order left unknown', () => {
  const sandbox = useEmulator();

  it('is held back by a run of a renamed copy of the file whose results file is gone, and sent by --resend-if-absent', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'btalk-unsettled-'));
    const env = {...emulatorEnv(sandbox()), BTALK_STATE_DIR: path.join(cwd, 'state'), BTALK_RECHECK_SECONDS: '0.3'};
    const run = (args: string[]) => runBuiltCli(args, {cwd, env});
    writeFileSync(path.join(cwd, 'sites.csv'), 'vpn;pays;nom technique;libellé\r\nMy VPN 1;FR;PERDU_UN;Site perdu\r\n');
    sandbox().injectFault({route: POST, status: 503, json: {code: 5, message: 'Service unavailable'}});
    const first = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/row 2 {2}PERDU_UN {2}unknown/);
    // The re-check's wait is said with its reason, not only as a progress line that does not move.
    expect(first.stderr).toContain('row 2 PERDU_UN: no clear answer to its order; looking for the site in GET /voicesites for up to 0.3 s before saying what came of it');
    expect(sandbox().counters.byRoute[POST]).toBe(1);

    // The same rows under another name, the first file's results gone.
    copyFileSync(path.join(cwd, 'sites.csv'), path.join(cwd, 'sites (2).csv'));
    rmSync(path.join(cwd, 'sites.results.csv'));
    const copy = await run(['order', '--from', 'sites (2).csv', '--yes']);
    expect(copy.code).toBe(1);
    expect(copy.stdout).toContain('not sent again (btalk history --filter PERDU_UN shows that order)');
    expect(sandbox().counters.byRoute[POST]).toBe(1);

    const resend = await run(['order', '--from', 'sites (2).csv', '--yes', '--resend-if-absent']);
    expect(resend.code, resend.stderr).toBe(0);
    expect(sandbox().counters.byRoute[POST]).toBe(2);
    expect(sandbox().counters.ordersCreated).toBe(1);

    // Settled now (ordered): the journal holds nothing back any more, and the site is skipped as listed.
    const again = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/PERDU_UN {2}skipped/);
  });

  it('a single order of the same site is not sent again on its own either', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'btalk-unsettled-one-'));
    const env = {...emulatorEnv(sandbox()), BTALK_STATE_DIR: path.join(cwd, 'state'), BTALK_RECHECK_SECONDS: '0.3'};
    const order = ['order', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'Site perdu', '--site-name', 'PERDU_DEUX', '--yes'];
    const run = (args: string[]) => runBuiltCli(args, {cwd, env});
    sandbox().injectFault({route: POST, status: 503, json: {code: 5, message: 'Service unavailable'}});
    const first = await run(order);
    expect(first.code).toBe(1);
    expect(sandbox().counters.byRoute[POST]).toBe(1);

    const again = await run(order);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/An earlier order for PERDU_DEUX \(\S+\) had no clear answer, and GET \/voicesites does not list it yet: it may still be processing, so it was not sent again\./);
    expect(again.stderr).toContain('--resend-if-absent');
    expect(sandbox().counters.byRoute[POST]).toBe(1);

    const resend = await run([...order, '--resend-if-absent']);
    expect(resend.code, resend.stderr).toBe(0);
    expect(sandbox().counters.ordersCreated).toBe(1);
  });
});
