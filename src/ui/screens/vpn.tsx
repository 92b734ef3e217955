/** Step 4: the VPN the site joins; every page of VPNs, filterable by name, code or id. */
import React from 'react';
import type {Vpn} from '../../api/types.js';
import {vpnLabel} from '../../domain/labels.js';
import type {Loadable} from '../../flow/state.js';
import {filterVpns} from '../../flow/choices.js';
import {ListScreen} from './list-screen.js';

export interface VpnScreenProps {
  customerName: string;
  vpns: Loadable<Vpn[]> | undefined;
  initialId?: string | undefined;
  rows: number;
  canGoBack: boolean;
  backLabel?: string | undefined;
  /** Why the VPN is asked again (a new customer). */
  reason?: string | undefined;
  onChoose: (vpn: Vpn) => void;
  onBack: () => void;
  onRetry: () => void;
  onQuit: () => void;
  isActive?: boolean;
}

export function VpnScreen(props: VpnScreenProps): React.JSX.Element {
  return (
    <ListScreen<Vpn>
      title={`Which VPN of ${props.customerName} should the site join?`}
      loadingLabel={`Loading VPNs of ${props.customerName} (every page of GET /customers/…/vpns)…`}
      emptyText={`${props.customerName} has no VPN, and a voicesite must join one. Ask your Orange contact to set up a Business VPN first.`}
      list={props.vpns}
      canGoBack={props.canGoBack}
      backLabel={props.backLabel}
      reason={props.reason}
      onRetry={props.onRetry}
      onQuit={props.onQuit}
      isActive={props.isActive ?? true}
      listProps={{
        itemKey: (v) => v.vpnId,
        label: (v) => vpnLabel(v, {code: true}),
        filter: filterVpns,
        noun: ['VPN', 'VPNs'],
        rows: props.rows,
        initialKey: props.initialId,
        onChoose: props.onChoose,
        onBack: props.onBack,
      }}
    />
  );
}
