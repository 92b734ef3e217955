/**
 * The body of the order POST, built in one place from the answers: the wizard (flow/state.ts
 * `orderBody`) and `btalk order` (order/resolve-inputs.ts) both call `orderRequest`, so the review,
 * a dry run and the request sent cannot differ. Its path is api/order-path.ts's `firstOrderPath`.
 */
import type {OrderRequest} from '../api/types.js';

/** The names a person gives a site (the wizard's site step, `btalk order`'s flags or a batch row). */
export interface SiteNames {
  technicalSiteName: string;
  customerSiteLabel: string;
  customerOrderReference: string;
}

/** The documented body: the reference at the top, everything else under `parameters`. */
export function orderRequest(site: SiteNames, country: {iso2: string}, vpn: {vpnId: string}): OrderRequest {
  return {
    customerOrderReference: site.customerOrderReference,
    parameters: {
      technicalSiteName: site.technicalSiteName,
      customerSiteLabel: site.customerSiteLabel,
      country: country.iso2,
      vpnId: vpn.vpnId,
    },
  };
}
