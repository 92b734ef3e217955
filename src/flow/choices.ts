/**
 * How the wizard's customer and VPN lists are narrowed by typed text: one rule for the Ink
 * screens (src/ui/screens/list-screen.tsx) and the accessible prompts (src/accessible/).
 */
import type {Customer, Vpn} from '../api/types.js';

/**
 * A filter: the items with a field containing the typed text (any case). Each item's fields are
 * lower-cased once, not on every key: typing over 10,000 VPNs then costs one `includes` per item
 * and allocates nothing per item.
 */
export function matchingAny<T extends object>(fields: (item: T) => ReadonlyArray<string | undefined>): (items: readonly T[], text: string) => readonly T[] {
  const haystacks = new WeakMap<T, string>();
  const haystack = (item: T): string => {
    let text = haystacks.get(item);
    if (text === undefined) {
      // NUL never comes from the keyboard, so no typed text matches across two fields.
      text = fields(item)
        .filter((field): field is string => field !== undefined)
        .map((field) => field.toLowerCase())
        .join('\u0000');
      haystacks.set(item, text);
    }
    return text;
  };
  return (items, text) => {
    const wanted = text.trim().toLowerCase();
    if (wanted === '') return items;
    return items.filter((item) => haystack(item).includes(wanted));
  };
}

/** The customers whose name or code holds the text. */
export const filterCustomers = matchingAny<Customer>((c) => [c.name, c.customerCode]);

/** The VPNs whose name, id or code holds the text. */
export const filterVpns = matchingAny<Vpn>((v) => [v.name, v.vpnId, v.vpnCode]);
