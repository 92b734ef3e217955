/**
 * The quick check of list pages (src/api/list-items.ts) against zod's schemas: on every item it
 * accepts, zod accepts it too and gives back the same value (the same keys, in the same order);
 * whatever zod refuses, it refuses, so that zod names the problem.
 */
import fc from 'fast-check';
import * as z from 'zod';
import {describe, expect, it} from 'vitest';
import {itemChecker, type ItemShape} from '../../src/api/list-items.js';
import {createRedactor} from '../../src/api/redact.js';
import {CUSTOMER_SHAPE, CustomerSchema, SITE_NAME_FIELDS, SITE_NAME_SHAPE, VoiceSiteSchema, VPN_SHAPE, VpnSchema} from '../../src/api/schemas.js';

const SECRET = 'secret-value-1234';
const redactor = createRedactor([SECRET]);

/** Values of every kind a field can hold, the edges of each rule included. */
const value = fc.oneof(
  fc.constantFrom('', 'a', '0', SECRET, `x${SECRET}y`, '\u0000', '   '),
  fc.string({maxLength: 6}),
  fc.constantFrom(0, -0, 1, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, Infinity, -Infinity, Number.NaN),
  fc.integer(),
  fc.constantFrom(null, undefined, true, false),
  fc.constant([]),
  fc.constant({}),
  fc.constant(['a']),
);

function itemsFor(keys: readonly string[]): fc.Arbitrary<unknown> {
  const record = fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__', 'status'), value, {maxKeys: keys.length + 2});
  // Mostly objects with the schema's keys; sometimes not an object at all.
  return fc.oneof({arbitrary: record, weight: 8}, {arbitrary: value, weight: 1}, {arbitrary: fc.array(value, {maxLength: 2}), weight: 1});
}

const cases = [
  {name: 'VPNs', shape: VPN_SHAPE, schema: VpnSchema as z.ZodType<unknown>, keep: (v: unknown) => v},
  {name: 'customers', shape: CUSTOMER_SHAPE, schema: CustomerSchema as z.ZodType<unknown>, keep: (v: unknown) => v},
  {
    name: 'voicesite names',
    shape: SITE_NAME_SHAPE,
    schema: VoiceSiteSchema as z.ZodType<unknown>,
    keep: (v: unknown) => Object.fromEntries(SITE_NAME_FIELDS.filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => [k, (v as Record<string, unknown>)[k]])),
  },
] satisfies Array<{name: string; shape: ItemShape; schema: z.ZodType<unknown>; keep: (v: unknown) => unknown}>;

describe('the quick check of list items', () => {
  for (const {name, shape, schema, keep} of cases) {
    it(`${name}: says yes only where zod does, with the same value`, () => {
      const check = itemChecker<unknown>(shape);
      const keys = Object.keys(shape.fields);
      let accepted = 0;
      fc.assert(
        fc.property(fc.array(itemsFor(keys), {maxLength: 3}), (items) => {
          const quick = check(items, redactor);
          const zod = z.array(schema).safeParse(items);
          if (quick === undefined) return;
          accepted += 1;
          expect(zod.success).toBe(true);
          const expected = (zod.data as unknown[]).map((item) => keep(item)).map((item) => JSON.parse(JSON.stringify(item).split(SECRET).join('[redacted]')));
          // JSON text: the same keys in the same order, the same values.
          expect(JSON.stringify(quick)).toBe(JSON.stringify(expected));
        }),
        {seed: 20_261_202, numRuns: 3000},
      );
      // The property is not empty: plenty of generated pages pass.
      expect(accepted).toBeGreaterThan(300);
    });
  }

  it('gives way to zod on an item it does not take, so the page is checked and the problem named', () => {
    const check = itemChecker<unknown>(VPN_SHAPE);
    expect(check([{vpnId: 'a', name: 'A'}, {vpnId: '', name: 'B'}], redactor)).toBeUndefined();
    expect(check([{vpnId: 1, name: 'A', vpnCode: null}], redactor)).toBeUndefined();
    expect(check([{vpnId: 1, name: 'A'}, ['not', 'an', 'object']], redactor)).toBeUndefined();
    expect(check([{vpnId: Infinity, name: 'A'}], redactor)).toBeUndefined();
    expect(check([{vpnId: 7, name: 'A', vpnCode: 'c', extra: {deep: [1]}}], redactor)).toEqual([{vpnId: '7', name: 'A', vpnCode: 'c'}]);
  });

  it('keeps of a voicesite only its id, name and customer, after checking every field', () => {
    const check = itemChecker<unknown>(SITE_NAME_SHAPE);
    const site = {voiceSiteId: 'vs1', technicalSiteName: 'PARIS_01', customerSiteLabel: 'Paris', country: 'FR', vpnId: 3, customerCode: 52000, status: 'active'};
    expect(check([site], redactor)).toEqual([{voiceSiteId: 'vs1', technicalSiteName: 'PARIS_01', customerCode: '52000'}]);
    // A field it does not keep is still checked.
    expect(check([{...site, country: 4}], redactor)).toBeUndefined();
    expect(VoiceSiteSchema.safeParse({...site, country: 4}).success).toBe(false);
  });
});
