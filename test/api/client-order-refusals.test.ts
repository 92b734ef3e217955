/**
 * How the client reads a refused order. The 400 sub-codes (21, 23, 26, 27, ...) are the
 * emulator's reading of a contract Orange does not publish in full, so the client must not depend
 * on them: any 400, whatever its code or body, is "refused, nothing was ordered, fix and resend",
 * with the API's own words passed on. Rate limiting on the POST is never retried by the client and
 * carries the server's Retry-After for the batch to honour.
 */
import {describe, expect, it} from 'vitest';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor, failure, order} from './client-fixture.js';

const POST = 'POST /customers/:customerCode/orders';
const FALLBACK = 'POST /customers/:customerCode/orders/voicesite';

describe('a refused order', () => {
  const sandbox = useEmulator();

  it.each([
    ['code 27 (the emulator: invalid body field)', {json: {code: 27, message: 'Invalid body field', description: 'parameters.vpnId is unknown.'}}],
    ['code 21 (invalid body)', {json: {code: 21, message: 'Invalid body', description: 'parameters.vpnId is unknown.'}}],
    ['a code btalk has never seen', {json: {code: 29, message: 'Something new', description: 'parameters.vpnId is unknown.'}}],
    ['no code at all', {json: {message: 'Bad Request', description: 'parameters.vpnId is unknown.'}}],
    ['an array of errors', {json: [{code: 27, message: 'Invalid body field', description: 'parameters.vpnId is unknown.'}]}],
  ])('with %s is invalid input, safe to resend, and keeps the API description', async (_label, body) => {
    const s = sandbox();
    s.injectFault({route: POST, status: 400, ...body});
    const error = await failure(clientFor(s).orderVoicesite('9999', order('REFUSED_SITE')));
    expect(error.kind).toBe('invalid-input');
    expect(error.api?.status).toBe(400);
    expect(error.outcomeUnknown).toBe(false);
    expect(error.hint).toMatch(/^Nothing was ordered; fix the value the API names/);
    expect(error.api?.description).toContain('parameters.vpnId is unknown.');
    expect(error.api?.requestId).toBeTruthy();
    // A 400 is an answer about the body, not about the path: no fallback, no second POST.
    expect(s.counters.byRoute[POST]).toBe(1);
    expect(s.counters.byRoute[FALLBACK] ?? 0).toBe(0);
    expect(s.counters.ordersCreated).toBe(0);
  });

  it('with an HTML 400 page says so, still safe to resend', async () => {
    const s = sandbox();
    s.injectFault({route: POST, status: 400, html: '<html><body><h1>400 Bad Request</h1></body></html>'});
    const error = await failure(clientFor(s).orderVoicesite('9999', order('REFUSED_SITE')));
    expect(error.kind).toBe('invalid-input');
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).toContain('HTML page instead of JSON');
    expect(s.counters.ordersCreated).toBe(0);
  });

  it('that is rate limited is not retried and carries the Retry-After the server asked for', async () => {
    const s = sandbox();
    s.injectFault({route: POST, status: 429, json: {code: 53, message: 'Too many requests'}, headers: {'retry-after': '7'}});
    const error = await failure(clientFor(s, {maxRetryDelayMs: 60_000}).orderVoicesite('9999', order('REFUSED_SITE')));
    expect(error.kind).toBe('rate-limited');
    expect(error.api?.retryAfterMs).toBe(7000);
    expect(error.message).toBe('Too many requests (429 code 53); the server asked to wait 7 s.');
    expect(error.outcomeUnknown).toBe(false);
    expect(s.counters.byRoute[POST]).toBe(1);
    expect(s.counters.ordersCreated).toBe(0);
  });
});
