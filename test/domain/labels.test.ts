import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {countryLabel, customerLabel, vpnLabel} from '../../src/domain/labels.js';
import {searchCountries} from '../../src/domain/countries.js';
import {srcFilesMatching} from '../helpers/imports.js';

const vpn = {vpnId: 'aa76e66dfc63', name: 'My VPN 1', vpnCode: '1'};

describe('vpnLabel', () => {
  it('names the VPN and the id the order sends; the code only where one is picked or typed', () => {
    expect(vpnLabel(vpn)).toBe('My VPN 1 (id aa76e66dfc63)');
    expect(vpnLabel(vpn, {code: true})).toBe('My VPN 1 (id aa76e66dfc63, code 1)');
    expect(vpnLabel({vpnId: 'x1', name: 'No code'}, {code: true})).toBe('No code (id x1)');
  });
});

describe('countryLabel', () => {
  it('uses the English name btalk lists, whatever the API called it, and the other name that matched', () => {
    expect(countryLabel({iso2: 'DE', name: 'GERMANY (the API)'})).toBe('Germany (DE)');
    expect(countryLabel({iso2: 'XK', name: 'Kosovo'})).toBe('Kosovo (XK)');
    const [germany] = searchCountries('Allemagne');
    expect(germany && countryLabel(germany)).toBe('Germany (DE) · Allemagne');
  });
});

describe('one home for the labels', () => {
  it('no module but domain/labels.ts writes "(id ..." for a VPN or "name (iso2)" for a country', () => {
    const byHand = /\(id \$\{|\}\s*\(\$\{[^}]*\.iso2\}\)/;
    const offenders = srcFilesMatching(byHand, [join('src', 'domain', 'labels.ts'), join('src', 'emulator')]);
    expect(offenders).toEqual([]);
  });

  it('the rule sees a label written by hand', () => {
    const byHand = /\(id \$\{|\}\s*\(\$\{[^}]*\.iso2\}\)/;
    expect(byHand.test('`${v.name} (id ${v.vpnId})`')).toBe(true);
    expect(byHand.test('`${c.name} (${c.iso2})`')).toBe(true);
  });
});

describe('customerLabel', () => {
  it('names the customer and its code; its type where the wizard lists and reviews it', () => {
    const customer = {name: 'Acme Europe', customerCode: '41001', type: 'direct'};
    expect(customerLabel(customer)).toBe('Acme Europe (41001)');
    expect(customerLabel(customer, {type: true})).toBe('Acme Europe (41001) · direct');
    expect(customerLabel({name: 'No type', customerCode: '1'}, {type: true})).toBe('No type (1)');
  });
});
