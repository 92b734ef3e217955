/**
 * The emulator's data. The demo account is the getting-started page's example (customer 9999
 * "My Customer", VPNs "My VPN 1" and "My VPN 2"); the others exist so tests and demos meet what the
 * page only hints at: a read-only key, several customers, and more VPNs than one page holds.
 * Client ids and secrets are fixed so documentation and tests can name them; they are worthless
 * outside the emulator.
 */
import {createHash} from 'node:crypto';
import {grouped} from '../text/plural.js';
import type {EmulatorAccounts} from './types.js';
import {HOSTILE_CUSTOMER_CODE, HOSTILE_SEQUENCES, hostile} from './hostile.js';

export interface EmulatorCustomer {
  name: string;
  customerCode: string;
  contractNumber: string;
  apiContractId: string;
  pricingApprovalNumber: string;
  type: string;
}

export interface EmulatorVpn {
  vpnId: string;
  name: string;
  vpnCode: string;
}

export interface EmulatorVoiceSite {
  voiceSiteId: string;
  technicalSiteName: string;
  customerSiteLabel: string;
  country: string;
  vpnId: string;
  customerCode: string;
  status: string;
  creationDate: string;
}

/** The large account's size: a big customer's estate, for the benchmark and list tests. */
export const LARGE_VPNS = 10_000;
export const LARGE_SITES = 5_000;

/** One OAuth client serves both demo keys, as one registered app would with two API keys. */
const DEMO_CLIENT = {
  clientId: 'btalk-sandbox-demo',
  // Only characters that survive form-urldecoding unchanged, so `curl -u id:secret` works as is.
  clientSecret: 'demo-secret-2f7c91e4b8a6',
};

export const EMULATOR_ACCOUNTS: EmulatorAccounts = {
  demo: {
    ...DEMO_CLIENT,
    apiKey: 'a84be884cd6e4f0a9b1c2d3e4f5a6b7c8d9e99dd',
    rightsProfile: 'admin',
    customerCodes: ['9999'],
    description: 'order-capable key (rightsProfile "admin"), customer 9999 "My Customer"',
  },
  demoReadonly: {
    ...DEMO_CLIENT,
    apiKey: 'r0ea60a1c2b3d4e5f60718293a4b5c6d7e8f9a00',
    rightsProfile: 'readonly',
    customerCodes: ['9999'],
    description: 'read-only key (rightsProfile "readonly"), same customer 9999: cannot order',
  },
  multi: {
    clientId: 'btalk-sandbox-multi',
    // Every character RFC 6749 2.3.1 encoding must handle: + % : / and a space.
    clientSecret: 'multi secret+with%odd:chars/ok',
    apiKey: 'm41c7e0b2a9d8c6f5e4d3c2b1a0f9e8d7c6b5a41',
    rightsProfile: 'admin',
    customerCodes: ['41001', '41002', '41003'],
    description: 'order-capable key, customers 41001 (45 VPNs), 41002 and 41003',
  },
  hostile: {
    clientId: 'btalk-sandbox-hostile',
    clientSecret: 'hostile-secret-0e5c3a9d7b21',
    apiKey: 'h66e0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f66',
    rightsProfile: 'admin',
    customerCodes: [HOSTILE_CUSTOMER_CODE],
    description: 'order-capable key, customer 66600 whose names, labels, errors and request ids are full of terminal escape sequences',
  },
  large: {
    clientId: 'btalk-sandbox-large',
    clientSecret: 'large-secret-6d1e0c3b9a57',
    apiKey: 'l52e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f52',
    rightsProfile: 'admin',
    customerCodes: ['52000'],
    description: `order-capable key, customer 52000 with ${grouped(LARGE_VPNS)} VPNs and ${grouped(LARGE_SITES)} voicesites`,
  },
};

export const CUSTOMERS: readonly EmulatorCustomer[] = [
  {
    name: 'My Customer',
    customerCode: '9999',
    contractNumber: '123456',
    apiContractId: 'ar45dv5s',
    pricingApprovalNumber: 'A123456789',
    type: 'direct',
  },
  {
    name: 'Acme Europe',
    customerCode: '41001',
    contractNumber: '410010',
    apiContractId: 'ac41eu01',
    pricingApprovalNumber: 'A410010001',
    type: 'direct',
  },
  {
    name: 'Acme Americas',
    customerCode: '41002',
    contractNumber: '410020',
    apiContractId: 'ac41am02',
    pricingApprovalNumber: 'A410020002',
    type: 'indirect',
  },
  {
    name: 'Acme Asia Pacific',
    customerCode: '41003',
    contractNumber: '410030',
    apiContractId: 'ac41ap03',
    pricingApprovalNumber: 'A410030003',
    type: 'direct',
  },
  {
    name: hostile('Hostile Customer'),
    customerCode: HOSTILE_CUSTOMER_CODE,
    contractNumber: hostile('666000'),
    apiContractId: 'ho66st00',
    pricingApprovalNumber: 'A666000000',
    type: 'direct',
  },
  {
    name: 'Large Customer',
    customerCode: '52000',
    contractNumber: '520000',
    apiContractId: 'lc52ent0',
    pricingApprovalNumber: 'A520000000',
    type: 'direct',
  },
];

/** Stable 12-hex-digit ids, so a test can name a VPN on page two. */
function vpnId(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 12);
}

const numberedLists = new Map<string, readonly EmulatorVpn[]>();

/**
 * A customer's VPNs 1 to `count`, their ids hashed from the customer and the number: built when
 * first asked for, then the same list on every read, so the emulator starts without hashing ids
 * that a run on another account never reads (the large customer's are 10,000).
 */
function numbered(customer: string, prefix: string, count: number, digits = 2): readonly EmulatorVpn[] {
  let vpns = numberedLists.get(customer);
  if (vpns === undefined) {
    vpns = Array.from({length: count}, (_, i) => ({
      vpnId: vpnId(`${customer}-${i + 1}`),
      name: `${prefix} ${String(i + 1).padStart(digits, '0')}`,
      vpnCode: String(i + 1),
    }));
    numberedLists.set(customer, vpns);
  }
  return vpns;
}

/** The large account's one customer. */
export const LARGE_CUSTOMER_CODE = '52000';

export const VPNS_BY_CUSTOMER: Readonly<Record<string, readonly EmulatorVpn[]>> = {
  '9999': [
    {vpnId: 'aa76e66dfc63', name: 'My VPN 1', vpnCode: '1'},
    {vpnId: '3a45b33edf3', name: 'My VPN 2', vpnCode: '2'},
  ],
  get '41001'() {
    return numbered('41001', 'Acme EU VPN', 45);
  },
  get '41002'() {
    return numbered('41002', 'Acme Americas VPN', 3);
  },
  get '41003'() {
    return numbered('41003', 'Acme APAC VPN', 1);
  },
  get [LARGE_CUSTOMER_CODE]() {
    return numbered(LARGE_CUSTOMER_CODE, 'Large VPN', LARGE_VPNS, 5);
  },
  [HOSTILE_CUSTOMER_CODE]: [
    {vpnId: 'ee66a0b1c2d3', name: hostile('Hostile VPN 1'), vpnCode: '1'},
    {vpnId: 'ee66a0b1c2d4', name: hostile('Hostile VPN 2'), vpnCode: hostile('2')},
  ],
};

const LARGE_COUNTRIES = ['FR', 'DE', 'GB', 'ES', 'IT', 'BE', 'NL', 'US'];

/** The large customer's existing sites, spread over its first VPNs and a few countries. */
export function largeCustomerSites(): EmulatorVoiceSite[] {
  const vpns = VPNS_BY_CUSTOMER[LARGE_CUSTOMER_CODE] ?? [];
  return Array.from({length: LARGE_SITES}, (_, i) => ({
    voiceSiteId: `vs52${vpnId(`52000-site-${i + 1}`).slice(0, 10)}`,
    technicalSiteName: `LARGE_SITE_${String(i + 1).padStart(5, '0')}`,
    customerSiteLabel: `Large site ${i + 1}`,
    country: LARGE_COUNTRIES[i % LARGE_COUNTRIES.length] ?? 'FR',
    vpnId: vpns[i % vpns.length]?.vpnId ?? '',
    customerCode: '52000',
    status: 'active',
    creationDate: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
  }));
}

/**
 * The numbered VPNs the initial sites are on, their ids written out (vpnId of "41001-1" and so
 * on: test/emulator/fixtures.test.ts checks them) so that the emulator's start hashes nothing.
 */
const ACME_EU_VPN_1 = 'd6b0cf51568b';
const ACME_EU_VPN_2 = '0f59871d167a';
const ACME_AMERICAS_VPN_1 = 'b79efc3fb277';
const ACME_APAC_VPN_1 = '00fdaa509e03';

/** Sites that exist before any order: one for the demo customer, so lists are never empty at first. */
export const INITIAL_VOICESITES: readonly EmulatorVoiceSite[] = [
  {
    voiceSiteId: `vs666${HOSTILE_SEQUENCES}`,
    technicalSiteName: 'HOSTILE_HQ',
    customerSiteLabel: hostile('Hostile headquarters'),
    country: 'FR',
    vpnId: 'ee66a0b1c2d3',
    customerCode: HOSTILE_CUSTOMER_CODE,
    status: hostile('active'),
    creationDate: '2025-01-15T09:30:00.000Z',
  },
  {
    voiceSiteId: 'vs3c9e1a7f02',
    technicalSiteName: 'PARIS_HQ',
    customerSiteLabel: 'Paris headquarters',
    country: 'FR',
    vpnId: 'aa76e66dfc63',
    customerCode: '9999',
    status: 'active',
    creationDate: '2025-01-15T09:30:00.000Z',
  },
  // Labels as real desks write them: French accents (one of them decomposed, as macOS file names
  // give it), Japanese, and emoji, so tables and CSV files can be seen to keep them aligned and intact.
  {
    voiceSiteId: 'vs5e1e9b0f01',
    technicalSiteName: 'SIEGE_PARIS',
    customerSiteLabel: 'Siège social – Paris 8ᵉ',
    country: 'FR',
    vpnId: ACME_EU_VPN_1,
    customerCode: '41001',
    status: 'active',
    creationDate: '2025-02-10T08:00:00.000Z',
  },
  {
    voiceSiteId: 'vs5e1e9b0f02',
    technicalSiteName: 'LYON_PART_DIEU',
    customerSiteLabel: 'Lyon Part-Die\u0301u, 3e étage',
    country: 'FR',
    vpnId: ACME_EU_VPN_2,
    customerCode: '41001',
    status: 'active',
    creationDate: '2025-02-11T08:00:00.000Z',
  },
  {
    voiceSiteId: 'vs5e1e9b0f03',
    technicalSiteName: 'TOKYO_HQ',
    customerSiteLabel: '東京本社オフィス',
    country: 'JP',
    vpnId: ACME_APAC_VPN_1,
    customerCode: '41003',
    status: 'active',
    creationDate: '2025-02-12T08:00:00.000Z',
  },
  {
    voiceSiteId: 'vs5e1e9b0f04',
    technicalSiteName: 'SUPPORT_DESK',
    customerSiteLabel: '📞 Support 24/7 👩‍💻',
    country: 'SG',
    vpnId: ACME_APAC_VPN_1,
    customerCode: '41003',
    status: 'active',
    creationDate: '2025-02-13T08:00:00.000Z',
  },
  {
    voiceSiteId: 'vs81b07d4e55',
    technicalSiteName: 'NEW_YORK_OFFICE',
    customerSiteLabel: 'New York office',
    country: 'US',
    vpnId: ACME_AMERICAS_VPN_1,
    customerCode: '41002',
    status: 'active',
    creationDate: '2025-03-02T14:05:00.000Z',
  },
];
