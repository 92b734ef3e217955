/**
 * The hostile emulator account through the built CLI (`btalk --sandbox` with
 * BTALK_SANDBOX_ACCOUNT=hostile): every name, label, error text and request id it sends is full of
 * escape sequences, and its request ids reflect the API key. The bytes of stdout and stderr must
 * carry no raw ESC, BEL, C0/C1 control or bidi character, `--json` must stay valid JSON with the
 * same values, and the key must appear nowhere. Needs `npm run build` first (npm test does it).
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {HOSTILE_SEQUENCES} from '../../src/emulator/hostile.js';
import {runBuiltCli} from '../helpers/built-cli.js';

const {apiKey, clientSecret} = EMULATOR_ACCOUNTS.hostile;
/** Raw bytes a terminal would act on: C0 but newline (and tab), DEL, C1 (as UTF-8), bidi controls (as UTF-8). */
const RAW = /[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'btalk-hostile-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function run(args: string[]): Promise<Run> {
  const r = await runBuiltCli(['--sandbox', ...args], {cwd: dir, env: {BTALK_STATE_DIR: path.join(dir, 'state'), BTALK_SANDBOX_ACCOUNT: 'hostile'}});
  return {code: r.code, stdout: r.stdoutBytes, stderr: r.stderrBytes};
}

function expectClean(r: Run): void {
  for (const [name, bytes] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
    const latin1 = bytes.toString('latin1');
    expect(RAW.exec(latin1)?.[0], `${name}: ${bytes.toString('utf8').slice(0, 400)}`).toBeUndefined();
    // Valid UTF-8 throughout: no lone 0x9b byte, which a terminal in Latin-1 mode reads as CSI.
    const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
    for (const secret of [apiKey, clientSecret]) expect(text, name).not.toContain(secret);
  }
}

describe('the hostile account through btalk --sandbox', () => {
  it('voicesites: a table of visible escapes', async () => {
    const r = await run(['voicesites']);
    expect(r.code).toBe(0);
    expectClean(r);
    expect(r.stdout.toString()).toContain('Hostile headquarters \\x1b]0;PWNED\\x07');
    expect(r.stdout.toString().trim().split('\n')).toHaveLength(2);
  });

  it('voicesites --json: valid JSON with the same values, every control a \\u escape', async () => {
    const r = await run(['voicesites', '--json']);
    expect(r.code).toBe(0);
    expectClean(r);
    const sites = JSON.parse(r.stdout.toString()) as Array<{customerSiteLabel: string}>;
    expect(sites[0]?.customerSiteLabel).toBe(`Hostile headquarters ${HOSTILE_SEQUENCES}`);
    expect(r.stdout.toString()).toContain('\\u009b2J\\u202eevil');
  });

  it('status', async () => {
    const r = await run(['status']);
    expect(r.code).toBe(0);
    expectClean(r);
  });

  it('order --yes, and --json --debug: the request ids reflect the key and it is shown nowhere', async () => {
    const plain = await run(['order', '--vpn', 'ee66a0b1c2d3', '--country', 'FR', '--label', 'Lyon office', '--yes']);
    expect(plain.code, plain.stderr.toString()).toBe(0);
    expectClean(plain);
    expect(plain.stdout.toString()).toMatch(/^vs[0-9a-f]+\n$/);

    const json = await run(['order', '--vpn', 'ee66a0b1c2d3', '--country', 'FR', '--label', 'Nice office', '--yes', '--json', '--debug']);
    expect(json.code, json.stderr.toString()).toBe(0);
    expectClean(json);
    const body = JSON.parse(json.stdout.toString()) as {vpn: {name: string}};
    expect(body.vpn.name).toBe(`Hostile VPN 1 ${HOSTILE_SEQUENCES}`);
    // The debug lines show the request ids, C1 bytes escaped and the reflected key redacted.
    expect(json.stderr.toString()).toMatch(/request id rid-.*\\x9b2J.*\[redacted\]/);
  });

  it('a refused order names the hostile customer in visible escapes, on stderr and in the JSON error', async () => {
    const r = await run(['order', '--vpn', 'ee66a0b1c2d3', '--country', 'FR', '--label', 'Lille office', '--customer', '66601', '--yes', '--json']);
    expect(r.code).toBe(2);
    expectClean(r);
    expect(r.stderr.toString()).toContain('Hostile Customer \\x1b]0;PWNED\\x07');
    const error = JSON.parse(r.stdout.toString().trim().split('\n').at(-1) ?? '') as {ok: boolean};
    expect(error.ok).toBe(false);
  });

  it('a batch: result lines, progress and the results file', async () => {
    await writeFile(path.join(dir, 'sites.csv'), 'vpn,country,label\nee66a0b1c2d3,FR,Rennes office\nee66a0b1c2d3,FR,Brest office\n');
    const r = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(r.code, r.stderr.toString()).toBe(0);
    expectClean(r);
    const jsonRun = await run(['order', '--from', 'sites.csv', '--yes', '--json']);
    expectClean(jsonRun);
    for (const line of jsonRun.stdout.toString().trim().split('\n')) JSON.parse(line);
    expect(await readFile(path.join(dir, 'sites.results.csv'), 'utf8')).not.toContain(apiKey);
  });
});
