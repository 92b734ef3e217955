/**
 * The Business Talk API's JSON shapes, as far as they are known (src/README.md lists where each
 * guess about the API lives). Every guess about a shape lives here, so a real server that disagrees costs one
 * edit. Objects ignore unknown fields; only what btalk uses is required.
 */
import * as z from 'zod';
import type {ItemShape} from './list-items.js';

/** Codes and ids are documented as strings but described as integers: accept both, keep strings. */
const stringOrNumber = z.union([z.string().min(1), z.number()]).transform((v) => String(v));

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  // Old Orange mocks sent a numeric string.
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/)]).transform((v) => Number(v)),
});

export const MeSchema = z.object({
  rightsProfile: z.string().min(1),
});
export type Me = z.infer<typeof MeSchema>;

/** Only `readonly` is documented. Assumption: every other profile may order. */
export function canOrder(me: Me): boolean {
  return me.rightsProfile.toLowerCase() !== 'readonly';
}

export const CustomerSchema = z.object({
  name: z.string(),
  customerCode: stringOrNumber,
  contractNumber: stringOrNumber.optional(),
  apiContractId: z.string().optional(),
  pricingApprovalNumber: z.string().optional(),
  type: z.string().optional(),
});
export type Customer = z.infer<typeof CustomerSchema>;
/** CustomerSchema's fields, for the quick check of list pages (api/list-items.ts). */
export const CUSTOMER_SHAPE: ItemShape = {
  fields: {name: 'string', customerCode: 'id', contractNumber: 'id?', apiContractId: 'string?', pricingApprovalNumber: 'string?', type: 'string?'},
};

export const VpnSchema = z.object({
  vpnId: stringOrNumber,
  name: z.string(),
  vpnCode: stringOrNumber.optional(),
});
export type Vpn = z.infer<typeof VpnSchema>;
/** VpnSchema's fields, for the quick check of list pages. */
export const VPN_SHAPE: ItemShape = {fields: {vpnId: 'id', name: 'string', vpnCode: 'id?'}};

/** Every documented coverage key, in the page's order, with a label for people. */
export const COVERAGE_FIELDS = [
  ['businessTalkOnline', 'Business Talk Online'],
  ['domesticEmergency', 'Domestic emergency calls'],
  ['enquiryDB', 'Directory enquiries'],
  ['nonGeographicDest', 'Non-geographic destinations'],
  ['modemISDNCall', 'Modem calls (ISDN)'],
  ['faxISDNCall', 'Fax calls (ISDN)'],
  ['voiceISDNCall', 'Voice calls (ISDN)'],
  ['modemAnalogCall', 'Modem calls (analog)'],
  ['faxAnalogCall', 'Fax calls (analog)'],
  ['voiceAnalogCall', 'Voice calls (analog)'],
  ['onnet', 'On-net calls'],
  ['offnetIntenationalDest', 'Off-net international destinations'],
  ['offnetDomesticDest', 'Off-net domestic destinations'],
  ['didNumber', 'DID numbers'],
  ['didNumberZone', 'DID number zone'],
  ['comment', 'Comment'],
] as const;

export const CoverageSchema = z
  .object({
    businessTalkOnline: z.string(),
  })
  .catchall(z.unknown());
export type Coverage = z.infer<typeof CoverageSchema>;

export const CountrySchema = z.object({
  name: z.string(),
  iso2: z.string().length(2),
  countryCode: stringOrNumber.optional(),
  coverage: CoverageSchema,
});
export type Country = z.infer<typeof CountrySchema>;

/** A country is orderable when `coverage.businessTalkOnline` is "Yes". */
export function isCovered(country: Country): boolean {
  return country.coverage.businessTalkOnline.trim().toLowerCase() === 'yes';
}

/** The documented order body. */
export const OrderRequestSchema = z.object({
  customerOrderReference: z.string(),
  parameters: z.object({
    technicalSiteName: z.string(),
    customerSiteLabel: z.string(),
    country: z.string(),
    vpnId: z.string(),
  }),
});
export type OrderRequest = z.infer<typeof OrderRequestSchema>;

/**
 * The order response is not documented beyond "all details of the order and in particular the
 * voiceSiteId". Only voiceSiteId is required; every other field is kept for display.
 */
export const OrderResultSchema = z.looseObject({
  voiceSiteId: stringOrNumber,
  orderId: stringOrNumber.optional(),
  customerOrderReference: z.string().optional(),
  status: z.string().optional(),
});
export type OrderResult = z.infer<typeof OrderResultSchema>;

/** Assumed voicesite shape (undocumented): voiceSiteId and technicalSiteName are what btalk uses. */
export const VoiceSiteSchema = z.looseObject({
  voiceSiteId: stringOrNumber,
  technicalSiteName: z.string(),
  customerSiteLabel: z.string().optional(),
  country: z.string().optional(),
  vpnId: stringOrNumber.optional(),
  customerCode: stringOrNumber.optional(),
});
export type VoiceSite = z.infer<typeof VoiceSiteSchema>;

/**
 * What the wizard keeps of each voicesite: what tells whether a name is taken and whether the list
 * holds a site. Each site is checked whole by VoiceSiteSchema's rules first.
 */
export type SiteName = Pick<VoiceSite, 'voiceSiteId' | 'technicalSiteName' | 'customerCode'>;
export const SITE_NAME_FIELDS = ['voiceSiteId', 'technicalSiteName', 'customerCode'] as const satisfies ReadonlyArray<keyof SiteName>;
/** VoiceSiteSchema's fields (its other fields are unchecked and not kept), keeping a SiteName. */
export const SITE_NAME_SHAPE: ItemShape = {
  fields: {voiceSiteId: 'id', technicalSiteName: 'string', customerSiteLabel: 'string?', country: 'string?', vpnId: 'id?', customerCode: 'id?'},
  keep: SITE_NAME_FIELDS,
};

/** Orange gateway error: one object; the Business Talk reference declares an array of them. */
export const ApiErrorItemSchema = z.object({
  code: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  message: z.string().optional(),
  description: z.string().optional(),
});
export const ApiErrorBodySchema = z.union([ApiErrorItemSchema, z.array(ApiErrorItemSchema)]);

/** OAuth errors (RFC 6749 5.2). */
export const OAuthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
