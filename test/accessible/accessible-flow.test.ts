/**
 * Accessible mode against the emulator, stdin a pipe: the same flow as the wizard, asked and
 * answered in lines, with the same endings and exit codes, and not one escape sequence written.
 */
import {describe, expect, it} from 'vitest';
import {useEmulator} from '../helpers/emulator.js';
import {credentialsOf} from '../e2e/wizard-harness.js';
import {givenAnswers} from '../../src/flow/given.js';
import {startAccessible} from './harness.js';

const VPN_QUESTION = 'Which VPN of My Customer should the site join?';
const SUMMARY = /^voiceSiteId: vs\S+ {2}\(VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999\)$/mu;

describe('accessible mode', {timeout: 30_000}, () => {
  const sandbox = useEmulator();

  it('orders a site to its voiceSiteId from piped lines, says each wait in words and ends as the wizard does', async () => {
    const s = sandbox();
    const run = startAccessible(s);
    run.type('1', 'FR', '', '', '', '', 'yes', '4');
    expect(await run.done).toBe(0);
    const out = run.out();
    expect(out).toContain('Checking access (token, then GET /me)…\nAccess checked: rights profile admin, can order.');
    expect(out).toContain('Customer: My Customer, code 9999, direct, the only customer of this key.');
    expect(out).toContain(`${VPN_QUESTION}\n2 VPNs:\n1) My VPN 1 (id `);
    expect(out).toContain('Type a number, or part of a name, code or id. Type back to go back, or quit to cancel.');
    expect(out).toContain('Business Talk Online is available in France.');
    expect(out).toContain('Review the order. Nothing is sent until you type yes.');
    expect(out).toMatch(/Sending the order for VOICESITE_IN_FRANCE \(POST \/customers\/9999\/orders\)…/u);
    expect(out).toMatch(/Voicesite ordered\. voiceSiteId: vs\S+/u);
    // The wizard's outcome line is the last thing printed, on stdout.
    expect(out.trimEnd().split('\n').at(-1)).toMatch(SUMMARY);
    expect(s.counters.ordersCreated).toBe(1);
    expect(run.err()).toBe('');
  });

  it('writes no escape sequence at all: not one ESC byte, even for names full of them', async () => {
    const s = sandbox();
    const run = startAccessible(s, {account: credentialsOf(s.accounts.hostile)});
    run.type('1', 'FR', '', '', '', '', 'yes', '4');
    expect(await run.done).toBe(0);
    const bytes = run.outBytes();
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.includes(0x1b)).toBe(false);
    expect(bytes.includes(0x07)).toBe(false);
    // The C1 CSI (U+009B) and the bidi overrides are made visible, not sent.
    expect(run.out()).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/u);
    expect(run.out()).toContain('Hostile VPN 1 \\x1b]0;PWNED\\x07');
    expect(s.counters.ordersCreated).toBe(1);
  });

  it('"back" goes one step back with the answer kept, and a new answer replaces it', async () => {
    const run = startAccessible(sandbox());
    run.type('1', 'back', '', 'back', '2', 'FR', '', '', '', '', 'quit');
    expect(await run.done).toBe(130);
    const out = run.out();
    // Asked three times: first, after "back" (Enter kept VPN 1), after the second "back".
    expect(out.split(VPN_QUESTION).length - 1).toBe(3);
    expect(out).toContain('Press Enter to keep My VPN 1.');
    expect(out).toMatch(/Review the order[\s\S]*VPN: My VPN 2 \(id /u);
    expect(run.err()).toBe('Cancelled: nothing was ordered.\n');
  });

  it('a wrong number is refused with the range, and the question is asked again', async () => {
    const run = startAccessible(sandbox());
    run.type('7', 'zzz', '2', 'quit');
    expect(await run.done).toBe(130);
    const out = run.out();
    expect(out).toContain('There is no number 7: type a number from 1 to 2, or part of a name, code or id.');
    expect(out).toContain('No VPN matches "zzz": type part of a name, code or id.');
    expect(out).toContain('VPN: My VPN 2 (id ');
  });

  it('asks for credentials one at a time; a rejected key is said, the rest kept, and the right one goes on', async () => {
    const s = sandbox();
    const demo = s.demo;
    const run = startAccessible(s, {credentials: undefined});
    const wrongKey = 'x'.repeat(40);
    run.type(demo.clientId, demo.clientSecret, 'short');
    await run.waitFor('API key must be exactly 40 characters (now 5).');
    run.type(wrongKey);
    await run.waitFor('These credentials were refused.');
    // Enter keeps the client id and the secret; the key is asked again.
    run.type('', '', demo.apiKey);
    await run.waitFor(VPN_QUESTION);
    run.type('quit');
    expect(await run.done).toBe(130);
    const out = run.out();
    expect(out).toContain('Client ID:');
    expect(out).toContain('Client secret, not shown as you type:');
    expect(out).toContain(`Press Enter to keep ${demo.clientId}.`);
    expect(out).toContain('Press Enter to keep the one typed before.');
    expect(run.saved).toEqual([demo]);
    // Secrets are read, never written back.
    for (const secret of [demo.clientSecret, demo.apiKey, wrongKey]) expect(out).not.toContain(secret);
  });

  it('starts from answers given up front: they are said, and the first missing step is asked', async () => {
    const s = sandbox();
    const run = startAccessible(s, {given: givenAnswers({vpn: 'My VPN 1', country: 'FR'}, new Date())});
    run.type('', '', '', 'yes', '4');
    expect(await run.done).toBe(0);
    const out = run.out();
    expect(out).not.toContain(VPN_QUESTION);
    expect(out).not.toContain('In which country is the site?');
    expect(out).toContain('VPN: My VPN 1 (id ');
    expect(out).toContain('Country: France (FR), Business Talk Online available.');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(SUMMARY);
  });

  it('waits for every page of the VPNs before asking: no list from the pages in so far', async () => {
    const s = sandbox();
    // The second page of 1,000 answers late: the wizard would show the first page meanwhile.
    s.injectFault({route: 'GET /customers/:code/vpns', query: {offset: '1000'}, delayMs: 1_500});
    const run = startAccessible(s, {account: credentialsOf(s.accounts.large)});
    await run.waitFor('Loading the VPNs of Large Customer');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(run.out()).not.toContain('Which VPN of Large Customer');
    expect(run.out()).not.toMatch(/VPNs?, too many to read out|Loaded [\d,]+ VPN/);
    await run.waitFor('Loaded 10,000 VPNs.');
    await run.waitFor('10,000 VPNs, too many to read out');
    run.type('quit');
    expect(await run.done).toBe(130);
  });

  it('a long list is narrowed by typing and never cut silently', async () => {
    const s = sandbox();
    const run = startAccessible(s, {account: credentialsOf(s.accounts.large)});
    await run.waitFor('10,000 VPNs, too many to read out: type part of a name, code or id to list the ones that match.');
    run.type('Large VPN 001');
    await run.waitFor('100 VPNs match "Large VPN 001":');
    await run.waitFor('Showing 20 of 100: type more of the name to narrow the list.');
    // Every number up to 10,000 is some VPN's code here: typed alone it picks that VPN, so 0.
    run.type('0');
    await run.waitFor('There is no number 0: type a number from 1 to 20');
    run.type('20');
    await run.waitFor('VPN: Large VPN 00119');
    run.type('quit');
    expect(await run.done).toBe(130);
  });

  it('Ctrl+C at a question ends as the wizard does: 130, nothing ordered', async () => {
    const run = startAccessible(sandbox());
    await run.waitFor(VPN_QUESTION);
    run.interrupt();
    expect(await run.done).toBe(130);
    expect(run.err()).toBe('Interrupted: nothing was ordered.\n');
  });

  it('SIGTERM while the order is on its way: says it waits, then the outcome and the voiceSiteId, exit 143', async () => {
    const s = sandbox();
    const run = startAccessible(s);
    run.type('1', 'FR', '', '', '', '');
    await run.waitFor('Nothing is sent until you type yes.');
    s.injectFault({route: 'POST /customers/:customerCode/orders', delayMs: 1000});
    run.type('yes');
    await run.waitFor('Sending the order for VOICESITE_IN_FRANCE');
    run.interrupt('SIGTERM');
    await run.waitFor('SIGTERM: the order is on its way; waiting for its answer (or stopping the search for it) so it is never sent twice, then saying what happened.');
    expect(s.counters.ordersCreated).toBe(0);
    expect(await run.done).toBe(143);
    expect(s.counters.ordersCreated).toBe(1);
    expect(run.out().trimEnd().split('\n').at(-1)).toMatch(SUMMARY);
    expect(run.err()).toMatch(/^Interrupted \(SIGTERM\) while the order for VOICESITE_IN_FRANCE was on its way; waited for its answer: the order was delivered, voiceSiteId vs\S+\.\n$/u);
  });

  it('the end of input is a quit: nothing ordered, and the run ends', async () => {
    const run = startAccessible(sandbox());
    run.end();
    expect(await run.done).toBe(130);
    expect(run.out()).toContain('End of input.');
    expect(run.err()).toBe('Cancelled: nothing was ordered.\n');
  });
});
