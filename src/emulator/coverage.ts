/**
 * Country coverage the emulator answers on GET /countries/{iso2}. France is the getting-started
 * page's example, value for value; the other covered countries are plausible, not Orange's real
 * list. Every other ISO 3166 country answers businessTalkOnline "No".
 */
import {dialCode} from './dial-codes.js';

export type Coverage = {
  businessTalkOnline: string;
  comment: string;
  domesticEmergency: string;
  enquiryDB: string;
  nonGeographicDest: string;
  modemISDNCall: string;
  faxISDNCall: string;
  voiceISDNCall: string;
  modemAnalogCall: string;
  faxAnalogCall: string;
  voiceAnalogCall: string;
  onnet: string;
  offnetIntenationalDest: string;
  offnetDomesticDest: string;
  didNumber: string;
  didNumberZone: string;
};

export interface CountryBody {
  name: string;
  coverage: Coverage;
  iso2: string;
  countryCode?: string;
}

// Key order as on the getting-started page, so the JSON reads the same.
const FRANCE: Coverage = {
  businessTalkOnline: 'Yes',
  comment: '(1) Fax are supported only with VISIT certified fax designs. Contact Product for further information ',
  domesticEmergency: 'Yes',
  enquiryDB: 'Yes',
  nonGeographicDest: 'Yes',
  modemISDNCall: 'No',
  faxISDNCall: 'No',
  voiceISDNCall: 'No',
  modemAnalogCall: 'No',
  faxAnalogCall: 'Yes',
  voiceAnalogCall: 'Yes',
  onnet: 'Yes',
  offnetIntenationalDest: 'Yes',
  offnetDomesticDest: 'Yes',
  didNumber: 'Yes',
  didNumberZone: 'Zone1',
};

function covered(changes: Partial<Coverage>): Coverage {
  return {...FRANCE, comment: '', ...changes};
}

const COVERED: Readonly<Record<string, Coverage>> = {
  FR: FRANCE,
  DE: covered({enquiryDB: 'No', didNumberZone: 'Zone1'}),
  GB: covered({faxAnalogCall: 'No', comment: 'Fax calls are not supported.', didNumberZone: 'Zone1'}),
  ES: covered({didNumberZone: 'Zone1'}),
  IT: covered({enquiryDB: 'No', didNumberZone: 'Zone1'}),
  BE: covered({didNumberZone: 'Zone1'}),
  NL: covered({nonGeographicDest: 'No', didNumberZone: 'Zone1'}),
  CH: covered({didNumberZone: 'Zone2'}),
  IE: covered({enquiryDB: 'No', didNumberZone: 'Zone2'}),
  PT: covered({didNumberZone: 'Zone2'}),
  US: covered({enquiryDB: 'No', faxAnalogCall: 'No', comment: 'Toll-free numbers on request.', didNumberZone: 'Zone2'}),
  CA: covered({enquiryDB: 'No', faxAnalogCall: 'No', didNumberZone: 'Zone2'}),
  SG: covered({domesticEmergency: 'No', comment: 'Emergency calls must be routed through a local line.', didNumberZone: 'Zone3'}),
  AU: covered({nonGeographicDest: 'No', didNumberZone: 'Zone3'}),
  TR: covered({enquiryDB: 'No', didNumberZone: 'Zone3', comment: 'Numéros DID sur demande.'}),
  JP: covered({enquiryDB: 'No', nonGeographicDest: 'No', didNumber: 'No', didNumberZone: '', comment: 'No DID numbers: outbound calls only.'}),
};

function notCovered(name: string): Coverage {
  return {
    businessTalkOnline: 'No',
    comment: `${name} is not covered by Business Talk Online: voicesites cannot be ordered there.`,
    domesticEmergency: 'No',
    enquiryDB: 'No',
    nonGeographicDest: 'No',
    modemISDNCall: 'No',
    faxISDNCall: 'No',
    voiceISDNCall: 'No',
    modemAnalogCall: 'No',
    faxAnalogCall: 'No',
    voiceAnalogCall: 'No',
    onnet: 'No',
    offnetIntenationalDest: 'No',
    offnetDomesticDest: 'No',
    didNumber: 'No',
    didNumberZone: '',
  };
}

/**
 * The countries' names (domain/countries.ts: i18n-iso-countries with its English and French
 * names), loaded by the first answer that needs one rather than as the emulator starts, which
 * `btalk --sandbox` waits for before its first request.
 */
let countries: Promise<typeof import('../domain/countries.js')> | undefined;

/** The answer for an alpha-2 code (any case), or undefined when it is not an ISO country. */
export async function countryFor(code: string): Promise<CountryBody | undefined> {
  const iso2 = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(iso2)) return undefined;
  const {countryName} = await (countries ??= import('../domain/countries.js'));
  const name = countryName(iso2);
  if (name === undefined) return undefined;
  const coverage = COVERED[iso2] ?? notCovered(name);
  const dial = dialCode(iso2);
  return {name, coverage, iso2, ...(dial === undefined ? {} : {countryCode: dial})};
}

/** The covered countries' codes, for docs and tests. */
export const COVERED_COUNTRIES: readonly string[] = Object.keys(COVERED);
