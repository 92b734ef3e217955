/**
 * The errors the head start and the exchange seam build for the attempts got does not make
 * (src/api/got-errors.ts) are got's own, as got throws them for the same event.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import got from 'got';
import {describe, expect, it} from 'vitest';
import {abortError, timeoutError} from '../../src/api/got-errors.js';

const shape = (error: unknown) => {
  const e = error as {name: string; code: string; message: string; event?: string};
  return {name: e.name, code: e.code, message: e.message, event: e.event};
};

describe("got's errors, built without got", () => {
  it('an aborted signal: the AbortError got throws', async () => {
    const thrown = await got('http://127.0.0.1:9/', {signal: AbortSignal.abort(), retry: {limit: 0}}).catch((e: unknown) => e);
    expect(shape(abortError())).toEqual(shape(thrown));
  });

  it("no answer in time: got's TimeoutError for the request", async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const thrown = await got(url, {timeout: {request: 50}, retry: {limit: 0}}).catch((e: unknown) => e);
      expect(shape(timeoutError(50, 'request'))).toEqual(shape(thrown));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
