/** Step 3: the customer, picked from a filterable list when the account has several. */
import React from 'react';
import type {Customer} from '../../api/types.js';
import {customerLabel} from '../../domain/labels.js';
import type {Loadable} from '../../flow/state.js';
import {count} from '../plural.js';
import {filterCustomers} from '../../flow/choices.js';
import {ListScreen} from './list-screen.js';

export interface CustomerScreenProps {
  customers: Loadable<Customer[]> | undefined;
  initialCode?: string | undefined;
  rows: number;
  onChoose: (customer: Customer) => void;
  onHighlight?: (customer: Customer) => void;
  /** VPNs already fetched per customer code: the list says how many, so a person sees it is ready. */
  vpns?: Readonly<Record<string, Loadable<unknown[]>>>;
  /** Esc: back to the access check (or, on an edit from the review, cancel it). */
  onBack?: (() => void) | undefined;
  backLabel?: string | undefined;
  /** Why the step is asked (e.g. a --customer that matches none). */
  reason?: string | undefined;
  onRetry: () => void;
  onQuit: () => void;
  isActive?: boolean;
}



export function CustomerScreen(props: CustomerScreenProps): React.JSX.Element {
  return (
    <ListScreen<Customer>
      title="Which customer is the voicesite for?"
      loadingLabel="Loading customers (GET /customers)…"
      emptyText="No customer is linked to this API key. Ask your Orange contact to attach the key to a customer."
      list={props.customers}
      canGoBack={props.onBack !== undefined}
      backLabel={props.backLabel}
      reason={props.reason}
      onRetry={props.onRetry}
      onQuit={props.onQuit}
      isActive={props.isActive ?? true}
      listProps={{
        itemKey: (c) => c.customerCode,
        label: (c) => customerLabel(c, {type: true}),
        filter: filterCustomers,
        noun: ['customer', 'customers'],
        rows: props.rows,
        initialKey: props.initialCode,
        onChoose: props.onChoose,
        onBack: props.onBack,
        note: (c) => {
          const entry = props.vpns?.[c.customerCode];
          return entry?.status === 'ready' ? count(entry.value.length, 'VPN', 'VPNs') : undefined;
        },
        ...(props.onHighlight ? {onHighlight: props.onHighlight} : {}),
      }}
    />
  );
}
