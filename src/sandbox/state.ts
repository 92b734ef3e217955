/**
 * One emulator's mutable world: issued tokens and the voicesites orders created. Each startSandbox
 * gets its own copy, so tests never see each other's orders.
 */
import {randomBytes} from 'node:crypto';
import {CUSTOMERS, INITIAL_VOICESITES, SANDBOX_ACCOUNTS, VPNS_BY_CUSTOMER, type SandboxCustomer, type SandboxVoiceSite, type SandboxVpn} from './fixtures.js';
import type {SandboxAccount} from './types.js';

export type TokenCheck = 'valid' | 'unknown' | 'expired';

export class SandboxState {
  private readonly tokens = new Map<string, number>();
  readonly voicesites: SandboxVoiceSite[] = INITIAL_VOICESITES.map((site) => ({...site}));

  constructor(private readonly clock: () => number) {}

  now(): number {
    return this.clock();
  }

  findClient(clientId: string, clientSecret: string): boolean {
    return Object.values(SANDBOX_ACCOUNTS).some((a) => a.clientId === clientId && a.clientSecret === clientSecret);
  }

  accountForKey(apiKey: string | undefined): SandboxAccount | undefined {
    if (apiKey === undefined) return undefined;
    return Object.values(SANDBOX_ACCOUNTS).find((a) => a.apiKey === apiKey);
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

  customersOf(account: SandboxAccount): SandboxCustomer[] {
    return CUSTOMERS.filter((c) => account.customerCodes.includes(c.customerCode));
  }

  vpnsOf(customerCode: string): readonly SandboxVpn[] {
    return VPNS_BY_CUSTOMER[customerCode] ?? [];
  }

  voicesitesOf(account: SandboxAccount): SandboxVoiceSite[] {
    return this.voicesites.filter((s) => account.customerCodes.includes(s.customerCode));
  }

  siteNameTaken(customerCode: string, technicalSiteName: string): boolean {
    return this.voicesites.some((s) => s.customerCode === customerCode && s.technicalSiteName === technicalSiteName);
  }

  addVoicesite(site: Omit<SandboxVoiceSite, 'voiceSiteId' | 'status' | 'creationDate'>): SandboxVoiceSite {
    const created: SandboxVoiceSite = {
      voiceSiteId: `vs${randomBytes(5).toString('hex')}`,
      ...site,
      status: 'active',
      creationDate: new Date(this.clock()).toISOString(),
    };
    this.voicesites.push(created);
    return created;
  }
}
