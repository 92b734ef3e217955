import {describe, expect, it} from 'vitest';
import {terminalSafeJson} from '../../src/text/terminal-safe.js';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor, failure} from './client-fixture.js';

describe('lists are complete or refused', () => {
  const sandbox = useEmulator(() => ({voicesites: 6000}));

  it('reads all 6,001 sites served 10 a page, every one once', async () => {
    const s = sandbox();
    s.settings.pageCap = 10;
    const sites = await clientFor(s).voicesites();
    expect(sites).toHaveLength(6001);
    expect(new Set(sites.map((v) => v.voiceSiteId)).size).toBe(6001);
    expect(sites.at(-1)?.technicalSiteName).toBe('SITE_006000');
    expect(s.counters.byRoute['GET /voicesites']).toBe(601);
  });

  it('asks for 1000 a page and falls back to smaller pages when the server refuses the size', async () => {
    const s = sandbox();
    s.settings.maxLimit = 100;
    const lines: string[] = [];
    const api = clientFor(s, {debug: (l) => lines.push(l)});
    expect(await api.voicesites()).toHaveLength(6001);
    expect(lines[1]).toMatch(/limit=1000 -> 400/);
    expect(lines[2]).toMatch(/offset=0&limit=100 -> 200/);
    // The size that worked is where the next read starts.
    lines.length = 0;
    await api.voicesites();
    expect(lines[0]).toMatch(/offset=0&limit=100 -> 200/);
  });

  it('refuses a server that serves the same page for every offset, naming it', async () => {
    const s = sandbox();
    s.settings.pagination = 'repeat-page';
    const error = await failure(clientFor(s).voicesites());
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/^GET \/voicesites did not return a complete list: it listed voiceSiteId \S+ at position 1 and again at position 1001 \(the pages do not advance/);
    expect(error.api?.requestId).toEqual(expect.any(String));
    expect(s.counters.byRoute['GET /voicesites']).toBeLessThanOrEqual(8);
  });

  it('refuses a total that the pages do not fill', async () => {
    const s = sandbox();
    s.settings.pagination = 'lying-total';
    const error = await failure(clientFor(s).voicesites());
    expect(error.message).toMatch(/X-Total-Count says 60010 items but the page at offset \d+ is empty|the page at offset 6000 has 1 items where 1000 were expected/);
  });

  it('refuses endless pages instead of reading a billion sites', async () => {
    const s = sandbox();
    s.settings.pagination = 'endless';
    const error = await failure(clientFor(s).voicesites());
    expect(error.message).toMatch(/X-Total-Count says 1000000000 items, more than btalk reads in one list \(1000000\)/);
    expect(s.counters.byRoute['GET /voicesites']).toBe(1);
  });
});

describe('bounded answers', () => {
  const sandbox = useEmulator();

  it('refuses a body above the cap and a gzip bomb, with the request id', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /voicesites', hugeBodyBytes: 3_000_000});
    const huge = await failure(clientFor(s, {maxBodyBytes: 1024 * 1024}).voicesites());
    expect(huge.message).toMatch(/^The server's answer to GET \/voicesites\?offset=0&limit=1000 was refused: its answer is larger than 1 MB, the most btalk reads in one answer\.$/);
    expect(huge.hint).toMatch(/BTALK_MAX_BODY_MB/);
    expect(huge.api?.requestId).toEqual(expect.any(String));
    s.injectFault({route: 'GET /me', gzipBombBytes: 50 * 1024 * 1024});
    const bomb = await failure(clientFor(s, {maxBodyBytes: 1024 * 1024}).me());
    expect(bomb.message).toMatch(/inflates to more than 1 MB.*decompression bomb/);
  });

  it('a compressed answer that does not decompress is a bad answer of a server that was reached, not an unreachable host', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', status: 200, raw: 'this is not gzip at all', headers: {'content-encoding': 'gzip', 'content-type': 'application/json'}});
    const error = await failure(clientFor(s, {retries: 0}).me());
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/^The answer of 127\.0\.0\.1:\d+ to GET \/me \(200\) could not be read: it says it is compressed but does not decompress \(Z_\w+\)\.$/);
    expect(error.message).not.toContain('Could not reach');
    expect(error.api?.requestId).toEqual(expect.any(String));
  });

  it('a huge order answer says the order may have been created', async () => {
    const s = sandbox();
    s.injectFault({route: 'POST /customers/:code/orders', hugeBodyBytes: 3_000_000});
    const error = await failure(
      clientFor(s, {maxBodyBytes: 1024 * 1024}).orderVoicesite('9999', {
        customerOrderReference: 'r',
        parameters: {technicalSiteName: 'BIG_ANSWER', customerSiteLabel: 'x', country: 'FR', vpnId: 'aa76e66dfc63'},
      }),
    );
    expect(error.outcomeUnknown).toBe(true);
  });

  it('a slow drip ends at the bound with "did not answer" and the request id the headers carried', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /countries/:iso2', drip: {bytes: 1, everyMs: 200}, times: 5});
    const started = Date.now();
    const error = await failure(clientFor(s, {timeoutMs: 600}).country('FR'));
    // The message gives the time it really waited: the 0.6 s bound, or more on a busy machine.
    const waited = /^The API did not answer GET \/countries\/FR within ([\d.]+) s/.exec(error.message);
    expect(waited, error.message).not.toBeNull();
    expect(Number(waited?.[1])).toBeGreaterThanOrEqual(0.6);
    expect(error.api?.requestId).toEqual(expect.any(String));
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses an answer nested 10,000 levels deep as bad data, and keeps one nested 64 deep printable', async () => {
    const s = sandbox();
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    s.injectFault({route: 'GET /voicesites', status: 200, raw: `[{"voiceSiteId":"1","technicalSiteName":"A","extra":${deep(10_000)}}]`, headers: {'x-total-count': '1'}});
    const sites = await failure(clientFor(s).voicesites());
    expect(sites.kind).toBe('server');
    expect(sites.message).toMatch(/\/voicesites\?offset=0&limit=1000 is not what btalk expects: \[0\]\.extra\[0\]\[0\]\.\.\. is nested more than 64 levels deep\.$/);
    s.injectFault({route: 'GET /countries/:iso2', status: 200, raw: `{"name":"France","iso2":"FR","coverage":{"businessTalkOnline":"Yes","comment":${'{"d":'.repeat(20_000)}null${'}'.repeat(20_000)}}}`});
    expect((await failure(clientFor(s).country('FR'))).message).toMatch(/coverage\.comment\.d\.d\.\.\. is nested more than 64 levels deep/);
    // Within the bound, the value is kept whole and can be written out (as --json does).
    s.injectFault({route: 'GET /voicesites', status: 200, raw: `[{"voiceSiteId":"1","technicalSiteName":"A","extra":${deep(63)}}]`, headers: {'x-total-count': '1'}});
    const kept = await clientFor(s).voicesites();
    expect(JSON.parse(terminalSafeJson(kept))).toEqual(kept);
    expect(JSON.stringify(kept)).toContain(deep(63));
    // Brackets inside strings are text, not nesting.
    s.injectFault({route: 'GET /voicesites', status: 200, raw: `[{"voiceSiteId":"1","technicalSiteName":"${'[\\"{'.repeat(100)}"}]`, headers: {'x-total-count': '1'}});
    expect((await clientFor(s).voicesites())[0]?.technicalSiteName).toBe('["{'.repeat(100));
  });

  it('names a field by a hostile key as terminal-safe text: the key cannot start a line of the error', async () => {
    const s = sandbox();
    const key = 'k\\nError: forged\\u001b]0;t\\u0007';
    s.injectFault({route: 'GET /customers', status: 200, raw: `[{"name":"x","customerCode":"1","${key}":${'['.repeat(70)}${']'.repeat(70)}}]`, headers: {'x-total-count': '1'}});
    const error = await failure(clientFor(s).customers());
    expect(error.message).toContain('[0].k\\x0aError: forged\\x1b]0;t\\x07[0][0]... is nested more than 64 levels deep');
    expect(error.message).not.toMatch(/[\n\u001b\u0007]/);
  });

  it('refuses text that is not valid Unicode as bad data from the server, not as a bug', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /customers', status: 200, raw: '[{"name":"x","customerCode":"99\\ud800"}]', headers: {'x-total-count': '1'}});
    const error = await failure(clientFor(s).customers());
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/\[0\]\.customerCode is not valid text \(it holds a lone UTF-16 surrogate\)/);
    const segment = await failure(clientFor(s).vpns('99\ud800'));
    expect(segment.kind).toBe('invalid-input');
    s.injectFault({route: 'POST /oauth/v3/token', status: 200, raw: '{"token_type":"Bearer","access_token":"abc\\ud800","expires_in":3600}'});
    const token = await failure(clientFor(s).me());
    expect(token.kind).toBe('server');
    expect(token.message).toMatch(/access_token is not valid text/);
  });

  it('finds a lone surrogate written in capitals or in a key, and lets real pairs and escaped backslashes through', async () => {
    const s = sandbox();
    const page = (raw: string) => s.injectFault({route: 'GET /customers', status: 200, raw, headers: {'x-total-count': '2'}});
    page('[{"name":"a","customerCode":"1"},{"name":"b","customerCode":"2","x\\uDC00":1}]');
    expect((await failure(clientFor(s).customers())).message).toMatch(/\[1\]\.x\uDC00 is not valid text/);
    page('[{"name":"a","customerCode":"1"},{"name":"\\uDBFF","customerCode":"2"}]');
    expect((await failure(clientFor(s).customers())).message).toMatch(/\[1\]\.name is not valid text/);
    // A pair (an emoji) is valid text; so is a backslash followed by the letters "ud800".
    page('[{"name":"\\ud83d\\ude00","customerCode":"1"},{"name":"C:\\\\ud800","customerCode":"2"}]');
    expect((await clientFor(s).customers()).map((c) => c.name)).toEqual(['\u{1F600}', 'C:\\ud800']);
  });
});
