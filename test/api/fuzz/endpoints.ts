/**
 * Every endpoint the client reads, as the fuzz test plays it: a valid answer to start from, the
 * client call that reads it, and the one fake server (`answerFor`) that serves a case's fuzzed
 * reply to that endpoint and valid answers to everything else the call needs (the token, the
 * first page of a list, the 404 code 60 that sends an order to its second path).
 */
import fc from 'fast-check';
import type {BusinessTalkApi} from '../../../src/api/types.js';
import {FUZZ_SECRETS} from './secrets.js';
import {ERROR_STATUSES, errorBodies, replyArb, SUCCESS_STATUSES, type Reply} from './wire.js';

export const TARGETS = ['token', 'me', 'customers', 'vpns', 'country', 'voicesites', 'voicesite-pages', 'order', 'order-fallback'] as const;
export type Target = (typeof TARGETS)[number];

export const CUSTOMER = '9999';
const id = fc.oneof(fc.constantFrom('aa76e66dfc63', '9999', 'VS-1'), fc.integer({min: 1, max: 99_999}));

const customer = fc.record({name: fc.constantFrom('ACME', 'Société Générale'), customerCode: id, contractNumber: id, type: fc.constant('enterprise')}, {requiredKeys: ['name', 'customerCode']});
const vpn = fc.record({vpnId: id, name: fc.constantFrom('Paris VPN', 'Lyon'), vpnCode: id}, {requiredKeys: ['vpnId', 'name']});
const site = fc.record(
  {voiceSiteId: id, technicalSiteName: fc.constantFrom('PARIS_01', 'LYON_2'), customerSiteLabel: fc.constant('Site'), country: fc.constant('FR'), vpnId: id, customerCode: id},
  {requiredKeys: ['voiceSiteId', 'technicalSiteName']},
);
/** A list with distinct ids (the client refuses the same id twice). */
function listOf<T>(item: fc.Arbitrary<T>, key: string): fc.Arbitrary<T[]> {
  return fc.array(item, {maxLength: 3}).map((items) => items.map((it, i) => ({...it, [key]: `${String((it as Record<string, unknown>)[key])}-${i}`})));
}

const VALID: Record<Target, fc.Arbitrary<unknown>> = {
  token: fc.record({access_token: fc.constant(FUZZ_SECRETS.accessToken), token_type: fc.constant('Bearer'), expires_in: fc.constantFrom(3600, '3600', 60)}),
  me: fc.record({rightsProfile: fc.constantFrom('admin', 'readonly', 'orders')}),
  customers: listOf(customer, 'customerCode'),
  vpns: listOf(vpn, 'vpnId'),
  country: fc.record({
    name: fc.constant('France'),
    iso2: fc.constant('FR'),
    countryCode: fc.constantFrom('33', 33),
    coverage: fc.record({businessTalkOnline: fc.constantFrom('Yes', 'No'), domesticEmergency: fc.constant('Yes'), comment: fc.constant('')}),
  }),
  voicesites: listOf(site, 'voiceSiteId'),
  'voicesite-pages': listOf(site, 'voiceSiteId').map((items) => items.map((s, i) => ({...s, voiceSiteId: `next-${i}`}))),
  order: fc.record({voiceSiteId: id, orderId: id, customerOrderReference: fc.constant('myOrder'), status: fc.constant('pending')}, {requiredKeys: ['voiceSiteId']}),
  'order-fallback': fc.record({voiceSiteId: id}),
};

export interface FuzzCase {
  target: Target;
  reply: Reply;
  /** Lists: read through findVoicesites instead of voicesites. */
  find: boolean;
  /** voicesite-pages: whether the valid first page says X-Total-Count. */
  firstTotal: boolean;
}

/** Cases for one endpoint: mostly fuzzed 2xx answers, some fuzzed error answers. */
export function caseArb(target: Target): fc.Arbitrary<FuzzCase> {
  const reply = fc.oneof({arbitrary: replyArb(VALID[target], SUCCESS_STATUSES), weight: 3}, {arbitrary: replyArb(errorBodies, ERROR_STATUSES), weight: 1});
  return fc.record({target: fc.constant(target), reply, find: fc.boolean(), firstTotal: fc.boolean()});
}

const order = {customerOrderReference: 'myOrder', parameters: {technicalSiteName: 'PARIS_01', customerSiteLabel: 'Site', country: 'FR', vpnId: 'aa76e66dfc63'}};

/** The client call that reads the case's endpoint. */
export function callFor(c: FuzzCase, api: BusinessTalkApi): Promise<unknown> {
  switch (c.target) {
    case 'token':
    case 'me':
      return api.me();
    case 'customers':
      return api.customers();
    case 'vpns':
      return api.vpns(CUSTOMER);
    case 'country':
      return api.country('fr');
    case 'voicesites':
    case 'voicesite-pages':
      return c.find ? api.findVoicesites((s) => s.technicalSiteName.startsWith('P')) : api.voicesites();
    case 'order':
    case 'order-fallback':
      return api.orderVoicesite(CUSTOMER, order);
  }
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: {'content-type': 'application/json', ...headers},
  body: Buffer.from(JSON.stringify(value)),
  wire: 'whole',
  tags: [],
});

const ROUTES: Array<[RegExp, Target | 'orders']> = [
  [/^POST \/oauth\/v3\/token$/, 'token'],
  [/^GET \/bt\/v1\/me$/, 'me'],
  [/^GET \/bt\/v1\/customers$/, 'customers'],
  [/^GET \/bt\/v1\/customers\/9999\/vpns$/, 'vpns'],
  [/^GET \/bt\/v1\/countries\/FR$/, 'country'],
  [/^GET \/bt\/v1\/voicesites$/, 'voicesites'],
  [/^POST \/bt\/v1\/customers\/9999\/orders$/, 'orders'],
  [/^POST \/bt\/v1\/customers\/9999\/orders\/voicesite$/, 'order-fallback'],
];

/** What the fake server answers to one request of the case. */
export function answerFor(c: FuzzCase, method: string, url: URL): Reply {
  const route = ROUTES.find(([pattern]) => pattern.test(`${method} ${url.pathname}`))?.[1];
  if (route === undefined) return json(404, {code: 60, message: 'Resource not found'});
  if (route === 'token') return c.target === 'token' ? c.reply : json(200, {access_token: FUZZ_SECRETS.accessToken, token_type: 'Bearer', expires_in: 3600});
  if (route === 'voicesites' && c.target === 'voicesite-pages' && url.searchParams.get('offset') === '0') {
    return json(200, [{voiceSiteId: 'first-0', technicalSiteName: 'PARIS_A'}, {voiceSiteId: 'first-1', technicalSiteName: 'LYON_B'}], c.firstTotal ? {'x-total-count': '6'} : {});
  }
  if (route === 'orders') return c.target === 'order' ? c.reply : json(404, {code: 60, message: 'Resource not found'});
  if (route === c.target || (route === 'voicesites' && c.target === 'voicesite-pages')) return c.reply;
  return json(500, {code: 1, message: `the fuzz case for ${c.target} did not expect ${method} ${url.pathname}`});
}
