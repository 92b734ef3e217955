/**
 * A support engineer's day against the emulator: one order through the wizard, one `btalk order`
 * and a three-row batch, then `btalk history --json` lists all five with their voiceSiteIds and
 * request ids, and the journal file holds no secret.
 */
import {mkdtemp, readFile, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import type {JournalEntry} from '../../src/journal/entry.js';
import {createOrderJournal, JOURNAL_FILE_NAME} from '../../src/journal/journal.js';
import {buildProgram} from '../../src/program.js';
import {App} from '../../src/ui/app.js';
import {themeFor} from '../../src/ui/theme.js';
import type {WizardExit} from '../../src/ui/wizard-deps.js';
import {useEmulator} from '../helpers/emulator.js';
import {keys, press, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {testRuntime, testSessions} from '../helpers/session.js';
import {startTestFlow} from '../helpers/wizard-flow.js';
import {credentialEnv} from '../order/harness.js';
import {toReview} from '../e2e/wizard-harness.js';

afterEach(() => cleanup());

/** The real command tree (src/program.ts), as cli.tsx builds it, with a runtime of the test's own. */
async function cli(args: string[], env: Record<string, string>, cwd: string) {
  const runtime = testRuntime(env, {cwd});
  const {program, exitCode} = buildProgram(runtime);
  await program.parseAsync(['node', 'btalk', ...args]);
  return {code: exitCode(), stdout: runtime.out(), stderr: runtime.err()};
}

describe('the order journal and btalk history', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('lists a wizard order, a btalk order and a 3-row batch, newest first, with ids and no secret in the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-journal-'));
    const stateDir = path.join(dir, 'state');
    const demo = sandbox().accounts.demo;
    const env = {
      ...credentialEnv(demo),
      BTALK_BASE_URL: sandbox().baseUrl,
      BTALK_STATE_DIR: stateDir,
      BTALK_CONFIG_DIR: path.join(dir, 'config'),
    };

    // 1. The wizard, on a session built by the real session factory with the same journal.
    const setup = await testSessions({env, createApi: (o) => createBusinessTalkApi({...o, maxRetryDelayMs: 10}), journal: createOrderJournal({location: {dir: stateDir}, warn: () => {}})});
    const session = await setup.factory.open({baseUrl: sandbox().baseUrl});
    let exit!: (e: WizardExit) => void;
    const exited = new Promise<WizardExit>((r) => (exit = r));
    const ui = render(<App session={session} clock={() => Date.now()} theme={themeFor({NO_COLOR: '1'})} onExit={exit} flow={startTestFlow(session)} />);
    await toReview(ui);
    await press(ui, keys.enter);
    const done = await waitForFrame(ui, 'GET /voicesites lists the new site');
    const wizardId = /voiceSiteId\s+(vs\S+)/.exec(done)?.[1];
    await press(ui, 'q');
    expect((await exited).code).toBe(0);

    // 2. btalk order, 3. a batch of three rows: both through the real composition root.
    const single = await cli(['order', '--vpn', 'My VPN 1', '--country', 'DE', '--label', 'Berlin office', '--yes'], env, dir);
    expect(single.code).toBe(0);
    await writeFile(path.join(dir, 'sites.csv'), 'vpn,country,site-name,label,reference\nMy VPN 1,FR,LILLE_01,Lille,PO-1\nMy VPN 2,ES,MADRID_01,Madrid,PO-2\nMy VPN 1,IT,ROMA_01,Roma,PO-3\n');
    const batch = await cli(['order', '--from', 'sites.csv', '--yes', '--concurrency', '2'], env, dir);
    expect(batch.code).toBe(0);

    const shown = await cli(['history', '--json'], env, dir);
    expect(shown.code).toBe(0);
    const entries = JSON.parse(shown.stdout) as JournalEntry[];
    expect(entries).toHaveLength(5);
    // Newest first: the wizard's order was the first one placed.
    expect(entries.at(-1)).toMatchObject({source: 'wizard', outcome: 'ordered', voiceSiteId: wizardId, technicalSiteName: 'VOICESITE_IN_FRANCE', vpn: {id: 'aa76e66dfc63', name: 'My VPN 1'}});
    expect(entries.find((e) => e.source === 'order')).toMatchObject({technicalSiteName: 'BERLIN_OFFICE', country: 'DE', voiceSiteId: single.stdout.trim(), customer: {code: '9999', name: 'My Customer'}});
    const rows = entries.filter((e) => e.source === 'batch');
    expect(rows.map((e) => e.technicalSiteName).sort()).toEqual(['LILLE_01', 'MADRID_01', 'ROMA_01']);
    expect(rows.map((e) => e.batch?.row).sort()).toEqual([2, 3, 4]);
    for (const e of entries) {
      expect(e.outcome).toBe('ordered');
      expect(e.voiceSiteId).toMatch(/^vs/);
      expect(e.requestIds.length).toBeGreaterThan(0);
      for (const id of e.requestIds) expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(e).toMatchObject({profile: 'default', environment: 'custom', baseUrl: sandbox().baseUrl, btalk: '0.0.0-test'});
    }
    const times = entries.map((e) => Date.parse(e.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const file = path.join(stateDir, JOURNAL_FILE_NAME);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(5);
    for (const secret of [demo.clientSecret, demo.apiKey, Buffer.from(`${demo.clientId}:${demo.clientSecret}`).toString('base64')]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/Bearer|access_token|authorization/i);

    // The table: every order, one line each, and filters narrow it.
    const table = await cli(['history', '--customer', '9999', '--filter', 'madrid'], env, dir);
    expect(table.stdout).toContain('MADRID_01');
    expect(table.stdout.trim().split('\n')).toHaveLength(2);
    expect(table.stderr).toContain('1 order of 5');

    const csv = await cli(['history', '--csv'], env, dir);
    expect(csv.stdout.startsWith('\uFEFFtime,profile,')).toBe(true);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(6);
    expect(csv.stdout).toContain('MADRID_01');
  });
});
