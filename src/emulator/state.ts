/**
 * One emulator's mutable world: issued tokens and the voicesites orders created. Each startEmulator
 * gets its own copy, so tests never see each other's orders.
 */
import {randomBytes} from 'node:crypto';
import {CUSTOMERS, INITIAL_VOICESITES, EMULATOR_ACCOUNTS, LARGE_CUSTOMER_CODE, largeCustomerSites, VPNS_BY_CUSTOMER, type EmulatorCustomer, type EmulatorVoiceSite, type EmulatorVpn} from './fixtures.js';
import type {EmulatorAccount} from './types.js';

export type TokenCheck = 'valid' | 'unknown' | 'expired';

export class EmulatorState {
  private readonly tokens = new Map<string, number>();
  /** The initial sites, then those seeded and ordered, in that order. */
  private readonly sites: EmulatorVoiceSite[] = INITIAL_VOICESITES.map((site) => ({...site}));
  /**
   * The large customer's 5,000 existing sites, listed after the initial ones and before any added:
   * built the first time that customer is looked at, so an emulator that serves the demo account
   * (`btalk --sandbox`) does not spend its start on them.
   */
  private largeSites: EmulatorVoiceSite[] | undefined;

  /** Every site of these customers, in list order. */
  private sitesOf(customerCodes: readonly string[]): EmulatorVoiceSite[] {
    const found: EmulatorVoiceSite[] = [];
    const take = (from: number, to: number) => {
      for (let i = from; i < to; i++) if (customerCodes.includes(this.sites[i]!.customerCode)) found.push(this.sites[i]!);
    };
    take(0, INITIAL_VOICESITES.length);
    if (customerCodes.includes(LARGE_CUSTOMER_CODE)) for (const site of (this.largeSites ??= largeCustomerSites())) found.push(site);
    take(INITIAL_VOICESITES.length, this.sites.length);
    return found;
  }

  constructor(private readonly clock: () => number) {}

  now(): number {
    return this.clock();
  }

  findClient(clientId: string, clientSecret: string): boolean {
    return Object.values(EMULATOR_ACCOUNTS).some((a) => a.clientId === clientId && a.clientSecret === clientSecret);
  }

  accountForKey(apiKey: string | undefined): EmulatorAccount | undefined {
    if (apiKey === undefined) return undefined;
    return Object.values(EMULATOR_ACCOUNTS).find((a) => a.apiKey === apiKey);
  }

  /** An opaque bearer token valid for `lifetimeSeconds` by the server's clock. */
  issueToken(lifetimeSeconds: number): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, this.clock() + lifetimeSeconds * 1000);
    return token;
  }

  checkToken(token: string): TokenCheck {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return 'unknown';
    return this.clock() >= expiresAt ? 'expired' : 'valid';
  }

  customersOf(account: EmulatorAccount): EmulatorCustomer[] {
    return CUSTOMERS.filter((c) => account.customerCodes.includes(c.customerCode));
  }

  vpnsOf(customerCode: string): readonly EmulatorVpn[] {
    return VPNS_BY_CUSTOMER[customerCode] ?? [];
  }

  voicesitesOf(account: EmulatorAccount): EmulatorVoiceSite[] {
    return this.sitesOf(account.customerCodes);
  }

  siteNameTaken(customerCode: string, technicalSiteName: string): boolean {
    return this.sitesOf([customerCode]).some((s) => s.technicalSiteName === technicalSiteName);
  }

  /** `count` more sites for the demo customer, named SITE_000001 and so on after those already seeded. */
  seedVoicesites(count: number): void {
    if (!Number.isInteger(count) || count < 0) throw new Error(`voicesites must be a whole number, got ${String(count)}`);
    const start = this.seeded;
    for (let i = 1; i <= count; i++) {
      const n = String(start + i).padStart(6, '0');
      this.sites.push({
        voiceSiteId: `vsseed${n}`,
        technicalSiteName: `SITE_${n}`,
        customerSiteLabel: `Seeded site ${n}`,
        country: 'FR',
        vpnId: 'aa76e66dfc63',
        customerCode: '9999',
        status: 'active',
        creationDate: '2025-02-01T00:00:00.000Z',
      });
    }
    this.seeded += count;
  }

  private seeded = 0;

  addVoicesite(site: Omit<EmulatorVoiceSite, 'voiceSiteId' | 'status' | 'creationDate'>): EmulatorVoiceSite {
    const created: EmulatorVoiceSite = {
      voiceSiteId: `vs${randomBytes(5).toString('hex')}`,
      ...site,
      status: 'active',
      creationDate: new Date(this.clock()).toISOString(),
    };
    this.sites.push(created);
    return created;
  }
}
