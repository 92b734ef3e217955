/**
 * The API's lists an order is checked against, each fetched at most once per run: a batch of 200
 * rows in 5 countries asks for 5 coverages, not 200.
 */
import {BtalkError, isBtalkError} from '../errors.js';
import {canOrder, type Country, type Customer, type Me, type VoiceSite, type Vpn} from '../api/schemas.js';
import type {BusinessTalkApi} from '../api/types.js';

export interface OrderCatalog {
  me(): Promise<Me>;
  customers(): Promise<Customer[]>;
  vpns(customerCode: string): Promise<Vpn[]>;
  /** undefined when the API does not know the code (404). */
  country(iso2: string): Promise<Country | undefined>;
  voicesites(): Promise<VoiceSite[]>;
  /** A complete read of the voicesites that keeps only those with these names (large accounts). */
  sitesNamed(names: readonly string[]): Promise<VoiceSite[]>;
}

export function createOrderCatalog(api: BusinessTalkApi): OrderCatalog {
  const once = new Map<string, Promise<unknown>>();
  const memo = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let p = once.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      once.set(key, p);
      // A failed load is not cached, so a later caller may try again.
      p.catch(() => once.delete(key));
    }
    return p;
  };
  return {
    me: () => memo('me', () => api.me()),
    customers: () => memo('customers', () => api.customers()),
    vpns: (code) => memo(`vpns:${code}`, () => api.vpns(code)),
    country: (iso2) =>
      memo(`country:${iso2}`, async () => {
        try {
          return await api.country(iso2);
        } catch (error) {
          if (isBtalkError(error) && error.kind === 'not-found') return undefined;
          throw error;
        }
      }),
    voicesites: () => memo('voicesites', () => api.voicesites()),
    sitesNamed: (names) => {
      const wanted = new Set(names);
      return memo(`sites:${[...wanted].sort().join('\n')}`, async () => (await api.findVoicesites((s) => wanted.has(s.technicalSiteName))).matches);
    },
  };
}

/** A read-only key can look but not order: say so before anything else is checked. */
export async function requireOrderAccess(catalog: OrderCatalog): Promise<Me> {
  const me = await catalog.me();
  if (!canOrder(me)) {
    throw new BtalkError('forbidden', `This API key is read-only (rights profile "${me.rightsProfile}"): it cannot order voicesites.`, {
      hint: 'Ask your Orange Business Talk administrator for an API key with ordering rights, then run "btalk login" again.',
      refused: {secrets: ['apiKey'], reason: 'rights'},
    });
  }
  return me;
}
