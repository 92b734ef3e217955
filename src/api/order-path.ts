/**
 * Which path takes a voicesite order. The getting-started page's prose names
 * /customer/{code}/orders/voicesite while its curl example posts to /customers/{code}/orders
 * (src/README.md, "Where each API guess lives"). btalk posts to the example's path first; a 404 code 60 there means the
 * server does not know that path (nothing was created), so the product-specific path is tried.
 * Whichever worked is used directly for the rest of the client's life.
 */

export const ORDER_PATHS = ['orders', 'orders/voicesite'] as const;
export type OrderPath = (typeof ORDER_PATHS)[number];

/** The path of an order POST from the API's base URL (no leading slash): "customers/9999/orders". */
export function orderUrl(customerCode: string, path: OrderPath): string {
  return `customers/${encodeURIComponent(customerCode)}/${path}`;
}

/**
 * The path the first order attempt posts to, as people are shown it (the wizard's review and
 * submitting screens, `btalk order`'s review and dry run): "/customers/9999/orders".
 */
export function firstOrderPath(customerCode: string): string {
  return `/${orderUrl(customerCode, ORDER_PATHS[0])}`;
}

/** Remembers the order path that worked; per client, in memory. */
export interface OrderPathMemory {
  /** Paths to try, in order. */
  candidates(): OrderPath[];
  worked(path: OrderPath): void;
}

export function createOrderPathMemory(): OrderPathMemory {
  let known: OrderPath | undefined;
  return {
    candidates: () => (known ? [known] : [...ORDER_PATHS]),
    worked(path) {
      known = path;
    },
  };
}

/** A 404 code 60 on the generic path: the server does not serve it, try the next one. */
export function isUnknownPath(status: number, apiCode: number | undefined): boolean {
  return status === 404 && apiCode === 60;
}
