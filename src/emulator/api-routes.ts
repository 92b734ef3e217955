/**
 * The Business Talk routes under /btalk/beta/v1, as the getting-started page shows them. The
 * singular /customer/... is deliberately absent: it answers 404 code 60 like any unknown path.
 */
import type {IncomingHttpHeaders} from 'node:http';
import {countryFor} from './coverage.js';
import {handleOrderPost} from './orders.js';
import {paginate, type PageSettings} from './pagination.js';
import {apiError, json, type Reply} from './replies.js';
import {Router} from './router.js';
import type {EmulatorState} from './state.js';
import type {EmulatorAccount} from './types.js';

export interface ApiCall {
  account: EmulatorAccount;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  state: EmulatorState;
  onOrderCreated: () => void;
  pages: PageSettings;
}

export type ApiHandler = (call: ApiCall) => Reply | Promise<Reply>;

/**
 * A customer code the key does not manage gets 403 code 52, not 404: a 404 code 60 on the order
 * path is what makes the client try /orders/voicesite instead (api/order-path.ts), and a wrong customer
 * must not look like a wrong path.
 */
function foreignCustomer(call: ApiCall): Reply | undefined {
  const code = call.params['customerCode'] ?? '';
  if (call.account.customerCodes.includes(code)) return undefined;
  return apiError('forbiddenUser', `Customer ${code} is not managed by this API key.`);
}

function order(call: ApiCall): Promise<Reply> {
  return handleOrderPost({
    account: call.account,
    customerCode: call.params['customerCode'] ?? '',
    headers: call.headers,
    body: call.body,
    state: call.state,
    onCreated: call.onOrderCreated,
  });
}

export const API_ROUTES = new Router<ApiHandler>()
  .add('GET /me', (call) => json(200, {rightsProfile: call.account.rightsProfile}))
  .add('GET /customers', (call) =>
    paginate(call.state.customersOf(call.account), call.query, call.pages, (i) => ({
      name: `Made-up customer ${i}`,
      customerCode: String(900000 + i),
      contractNumber: `C${i}`,
      apiContractId: `A${i}`,
      pricingApprovalNumber: `P${i}`,
      type: 'enterprise',
    })),
  )
  .add('GET /customers/:customerCode/vpns', (call) => {
    return (
      foreignCustomer(call) ??
      paginate(call.state.vpnsOf(call.params['customerCode'] ?? ''), call.query, call.pages, (i) => ({vpnId: `vpnx${i}`, name: `Made-up VPN ${i}`, vpnCode: `X${i}`}))
    );
  })
  .add('GET /countries/:iso2', async (call) => {
    const iso2 = call.params['iso2'] ?? '';
    const country = await countryFor(iso2);
    return country === undefined ? apiError('notFound', `"${iso2}" is not an ISO 3166 alpha-2 country code.`) : json(200, country);
  })
  .add('POST /customers/:customerCode/orders', order)
  .add('POST /customers/:customerCode/orders/voicesite', order)
  .add('GET /voicesites', (call) =>
    paginate(call.state.voicesitesOf(call.account), call.query, call.pages, (i) => ({
      voiceSiteId: `vsendless${i}`,
      technicalSiteName: `ENDLESS_${i}`,
      customerSiteLabel: `Made-up site ${i}`,
      country: 'FR',
      vpnId: 'aa76e66dfc63',
      customerCode: call.account.customerCodes[0] ?? '9999',
      status: 'active',
      creationDate: '2025-02-01T00:00:00.000Z',
    })),
  );
