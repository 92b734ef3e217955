import {describe, expect, it} from 'vitest';
import {checkTechnicalSiteName, deriveTechnicalSiteName} from '../../src/domain/site-rules.js';

describe('deriveTechnicalSiteName', () => {
  it('drops accents and turns every other run of characters into one "_"', () => {
    expect(deriveTechnicalSiteName('My site in Lyon')).toBe('MY_SITE_IN_LYON');
    expect(deriveTechnicalSiteName('Café de Lyon')).toBe('CAFE_DE_LYON');
    expect(deriveTechnicalSiteName('Londres; Canary Wharf')).toBe('LONDRES_CANARY_WHARF');
  });

  it('spells in ASCII the letters NFKD leaves whole instead of dropping them', () => {
    const cases: [string, string][] = [
      ['Œil de bœuf', 'OEIL_DE_BOEUF'],
      ['Cœur Défense', 'COEUR_DEFENSE'],
      ['Æbeltoft', 'AEBELTOFT'],
      ['Ærø Kontor', 'AERO_KONTOR'],
      ['Ø Site', 'O_SITE'],
      ['Łódź ładna', 'LODZ_LADNA'],
      ['Straße', 'STRASSE'],
      ['GROẞE Halle', 'GROSSE_HALLE'],
      ['Đakovo đak', 'DAKOVO_DAK'],
      ['Ðóra ðe', 'DORA_DE'],
      ['Þórshöfn þing', 'THORSHOFN_THING'],
      ['Diyarbakır', 'DIYARBAKIR'],
      ['ĳssel Ĳmuiden', 'IJSSEL_IJMUIDEN'],
      ['Ħal Far ħ', 'HAL_FAR_H'],
      ['Ŧ ŧest', 'T_TEST'],
    ];
    for (const [label, name] of cases) {
      expect(deriveTechnicalSiteName(label), label).toBe(name);
      expect(checkTechnicalSiteName(name), label).toBeUndefined();
    }
  });

  it('keeps leading digits behind "SITE_", since a name must start with a letter', () => {
    expect(deriveTechnicalSiteName('1er étage Lyon')).toBe('SITE_1ER_ETAGE_LYON');
    expect(deriveTechnicalSiteName('2e étage Lyon')).toBe('SITE_2E_ETAGE_LYON');
    expect(deriveTechnicalSiteName('  42, rue de la Paix')).toBe('SITE_42_RUE_DE_LA_PAIX');
    expect(deriveTechnicalSiteName('123')).toBe('SITE_123');
    expect(deriveTechnicalSiteName('7')).toBe('SITE_7');
    expect(deriveTechnicalSiteName('Lyon 2')).toBe('LYON_2');
    for (const label of ['1er étage Lyon', '123', '7']) expect(checkTechnicalSiteName(deriveTechnicalSiteName(label)), label).toBeUndefined();
  });

  it('still cuts to 30 characters and pads a short name', () => {
    const long = deriveTechnicalSiteName('3e étage du bâtiment Œuvre à Lyon');
    expect(long).toBe('SITE_3E_ETAGE_DU_BATIMENT_OEUV');
    expect(long).toHaveLength(30);
    expect(deriveTechnicalSiteName('Ab')).toBe('AB_SITE');
    expect(deriveTechnicalSiteName('Œ')).toBe('OE_SITE');
  });
});
