/**
 * Rules for the order's names, shared by the emulator, the wizard and `btalk order`, so a name the
 * wizard accepts is one the emulator accepts. The real API's limits are not documented: these are
 * assumptions drawn from the getting-started example ("MY_VOICESITE", "My Voicesite in France",
 * "myOrder"). Change them here and every user of them follows.
 */

export const TECHNICAL_SITE_NAME = {
  min: 3,
  max: 30,
  pattern: /^[A-Z][A-Z0-9_-]*$/,
  describe: '3 to 30 characters: capital letters, digits, "_" or "-", starting with a letter',
} as const;

export const SITE_LABEL = {min: 1, max: 80, describe: '1 to 80 printable characters'} as const;

export const ORDER_REFERENCE = {min: 1, max: 40, describe: '1 to 40 printable characters'} as const;

// Control characters (C0, DEL, C1) are refused in free text.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export type OrderField = 'technicalSiteName' | 'customerSiteLabel' | 'customerOrderReference' | 'country' | 'vpnId';

export interface FieldProblem {
  field: OrderField;
  message: string;
}

/** undefined when valid, else a sentence for a person. */
export function checkTechnicalSiteName(value: string): string | undefined {
  if (value.length === 0) return 'Technical site name is required.';
  if (value.length < TECHNICAL_SITE_NAME.min || value.length > TECHNICAL_SITE_NAME.max || !TECHNICAL_SITE_NAME.pattern.test(value)) {
    return `Technical site name must be ${TECHNICAL_SITE_NAME.describe}.`;
  }
  return undefined;
}

function checkText(value: string, name: string, rule: {min: number; max: number; describe: string}): string | undefined {
  if (value.trim().length === 0) return `${name} is required.`;
  if (value.length < rule.min || value.length > rule.max || CONTROL.test(value) || value !== value.trim()) {
    return `${name} must be ${rule.describe}, without leading or trailing spaces.`;
  }
  return undefined;
}

export function checkSiteLabel(value: string): string | undefined {
  return checkText(value, 'Site label', SITE_LABEL);
}

export function checkOrderReference(value: string): string | undefined {
  return checkText(value, 'Order reference', ORDER_REFERENCE);
}

export function checkCountryCode(value: string): string | undefined {
  return /^[A-Z]{2}$/.test(value) ? undefined : 'Country must be an ISO 3166 alpha-2 code such as FR.';
}

/** Every problem of an order's parameters at once. */
export function checkOrderFields(fields: {
  technicalSiteName: string;
  customerSiteLabel: string;
  customerOrderReference: string;
  country: string;
  vpnId: string;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: OrderField, message: string | undefined) => {
    if (message !== undefined) problems.push({field, message});
  };
  add('technicalSiteName', checkTechnicalSiteName(fields.technicalSiteName));
  add('customerSiteLabel', checkSiteLabel(fields.customerSiteLabel));
  add('customerOrderReference', checkOrderReference(fields.customerOrderReference));
  add('country', checkCountryCode(fields.country));
  add('vpnId', fields.vpnId.trim().length === 0 ? 'VPN id is required.' : undefined);
  return problems;
}

/**
 * Latin letters that NFKD leaves whole, with their usual ASCII spellings (those of Unicode CLDR's
 * Latin-ASCII transliteration), keyed by the capital since the label is upper-cased first. The rest
 * need no entry: NFKD spells out ĳ (IJ) and ſ (S), and upper-casing spells out ß (SS) and ı (I).
 */
const LETTERS_NFKD_KEEPS: Readonly<Record<string, string>> = {
  Œ: 'OE', Æ: 'AE', Ø: 'O', Ł: 'L', Đ: 'D', Ð: 'D', Þ: 'TH', ẞ: 'SS', Ħ: 'H', Ŧ: 'T',
};
const LETTER_NFKD_KEEPS = new RegExp(`[${Object.keys(LETTERS_NFKD_KEEPS).join('')}]`, 'g');

/** What a derived name starts with when the label starts with a digit, since a name must start with a letter. */
const DIGIT_FIRST_PREFIX = 'SITE_';

/**
 * A technical name derived from a label: "My site in Lyon" -> "MY_SITE_IN_LYON", "Cœur Défense" ->
 * "COEUR_DEFENSE". Accents are dropped and the letters above spelled in ASCII; every other run of
 * characters becomes one "_". A name must start with a letter, so a label starting with a digit
 * keeps its digits behind "SITE_": "1er étage Lyon" -> "SITE_1ER_ETAGE_LYON". Cut to 30 characters;
 * one shorter than 3 gets "_SITE".
 */
export function deriveTechnicalSiteName(label: string): string {
  const ascii = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let name = ascii
    .toUpperCase()
    .replace(LETTER_NFKD_KEEPS, (letter) => LETTERS_NFKD_KEEPS[letter] ?? letter)
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (/^[0-9]/.test(name)) name = DIGIT_FIRST_PREFIX + name;
  if (name.length > TECHNICAL_SITE_NAME.max) name = name.slice(0, TECHNICAL_SITE_NAME.max).replace(/_+$/, '');
  if (name.length < TECHNICAL_SITE_NAME.min) name = (name + '_SITE').slice(0, TECHNICAL_SITE_NAME.max);
  return name;
}

/** A default order reference from the date: "btalk-20261129-1432". */
export function defaultOrderReference(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `btalk-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/**
 * The existing site with this technical name. A name is taken per customer: a site listed for
 * another customer does not count, a site that does not say whose it is does. Without a
 * customer (a batch row that names none yet), any customer's site counts.
 */
export function findSiteByName<S extends {technicalSiteName: string; customerCode?: string | undefined}>(
  sites: readonly S[],
  technicalSiteName: string,
  customerCode: string | undefined,
): S | undefined {
  return sites.find((s) => s.technicalSiteName === technicalSiteName && (customerCode === undefined || s.customerCode === undefined || s.customerCode === customerCode));
}
