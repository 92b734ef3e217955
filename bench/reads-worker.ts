/**
 * The `worker` floor's reads (bench/reads-floor.tsx): got and zod in a worker thread, the four
 * reads the wizard's VPN list waits for, the customers and VPNs checked with zod, the VPNs posted
 * back. Bundled as one CommonJS file (dist/bench/reads-worker.cjs), as the emulator's worker is.
 */
import {parentPort} from 'node:worker_threads';
import got from 'got';
import {z} from 'zod';

const Customers = z.array(z.object({name: z.string(), customerCode: z.string()}));
const Vpns = z.array(z.object({name: z.string()}));

parentPort!.once('message', async (ready: {baseUrl: string; demo: {clientId: string; clientSecret: string; apiKey: string}}) => {
  const {baseUrl, demo} = ready;
  const token = await got
    .post(`${new URL(baseUrl).origin}/oauth/v3/token`, {username: demo.clientId, password: demo.clientSecret, form: {grant_type: 'client_credentials'}})
    .json<{access_token: string}>();
  const api = got.extend({prefixUrl: baseUrl, headers: {authorization: `Bearer ${token.access_token}`, 'x-bt-api-key': demo.apiKey}});
  const page = {searchParams: {offset: 0, limit: 1000}};
  const [, customers] = await Promise.all([api.get('me').json(), api.get('customers', page).json()]);
  const code = Customers.parse(customers)[0]!.customerCode;
  const [vpns] = await Promise.all([api.get(`customers/${code}/vpns`, page).json(), api.get('voicesites', page).json()]);
  parentPort!.postMessage(Vpns.parse(vpns));
});
