/**
 * Two floors under the wizard's first interactive screen, for reading its figure: programs that
 * do only what that screen needs, with none of btalk's own code. Each starts the embedded
 * emulator's worker thread (dist/emulator-worker.cjs, as `btalk --sandbox` does), makes the four
 * reads the VPN list waits for (the token, then GET /me and /customers together, then the
 * customer's VPNs and /voicesites together), and draws the VPN list with Ink.
 * - `plain`: the reads over bare node:http on the main thread while Ink loads: no HTTP library,
 *   no checks, no command tree, no flow. The least any design on Ink pays here.
 * - `worker`: the reads in a worker thread of their own, with got and zod (bench/reads-worker.ts),
 *   the main thread loading only Ink: the shape of moving btalk's session off the main thread.
 * Their answers are trusted as they come: these are yardsticks, not clients.
 */
import http from 'node:http';
import {Worker} from 'node:worker_threads';

interface Ready {
  kind: 'ready';
  baseUrl: string;
  demo: {clientId: string; clientSecret: string; apiKey: string};
}

const mode = process.argv[2] === 'worker' ? 'worker' : 'plain';
const emulator = new Worker(new URL('../emulator-worker.cjs', import.meta.url), {workerData: {port: 0}});
const ready = new Promise<Ready>((resolve) =>
  emulator.on('message', (message: Ready) => {
    if (message.kind !== 'ready') return;
    emulator.unref();
    resolve(message);
  }),
);

const agent = new http.Agent({keepAlive: true});
function request(method: string, url: string, headers: Record<string, string>, body?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const sent = http.request(url, {method, headers, agent}, (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => (text += chunk));
      answer.on('end', () => resolve(JSON.parse(text)));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

async function plainReads(): Promise<Array<{name: string}>> {
  const {baseUrl, demo} = await ready;
  const basic = Buffer.from(`${demo.clientId}:${demo.clientSecret}`).toString('base64');
  const token = (await request('POST', `${new URL(baseUrl).origin}/oauth/v3/token`, {authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded'}, 'grant_type=client_credentials')) as {access_token: string};
  const headers = {authorization: `Bearer ${token.access_token}`, 'x-bt-api-key': demo.apiKey, accept: 'application/json'};
  const [, customers] = (await Promise.all([request('GET', `${baseUrl}/me`, headers), request('GET', `${baseUrl}/customers?offset=0&limit=1000`, headers)])) as [unknown, Array<{customerCode: string}>];
  const [vpns] = (await Promise.all([
    request('GET', `${baseUrl}/customers/${customers[0]!.customerCode}/vpns?offset=0&limit=1000`, headers),
    request('GET', `${baseUrl}/voicesites?offset=0&limit=1000`, headers),
  ])) as [Array<{name: string}>, unknown];
  return vpns;
}

function workerReads(): Promise<Array<{name: string}>> {
  const reads = new Worker(new URL('./reads-worker.cjs', import.meta.url));
  void ready.then((message) => reads.postMessage(message));
  return new Promise((resolve) =>
    reads.once('message', (vpns: Array<{name: string}>) => {
      reads.unref();
      resolve(vpns);
    }),
  );
}

const vpns = mode === 'worker' ? workerReads() : plainReads();
const {Box, render, Text} = await import('ink');
const rows = await vpns;
render(
  <Box flexDirection="column">
    <Text bold>Choose a VPN</Text>
    {rows.map((vpn, i) => (
      <Text key={vpn.name}>{`${i === 0 ? '›' : ' '} ${vpn.name}`}</Text>
    ))}
  </Box>,
);
