/**
 * Step 7: everything that will be sent, before anything is. Submit, edit any step (answers kept),
 * cancel, or look at the exact JSON body.
 */
import {Box, Text} from 'ink';
import React from 'react';
import type {OrderRequest} from '../../api/types.js';
import type {EditableStep} from '../../flow/state.js';
import {Footer} from '../components/footer.js';
import {Menu, type MenuItem} from '../components/menu.js';

export interface ReviewScreenProps {
  /** "default · sandbox (http://127.0.0.1:PORT/btalk/beta/v1)" */
  target: string;
  customer: string;
  vpn: string;
  country: string;
  customerCode: string;
  body: OrderRequest;
  showJson: boolean;
  /** Whether the customer can be changed (false when the account has one). */
  customerEditable: boolean;
  onSubmit: () => void;
  onEdit: (step: EditableStep) => void;
  onToggleJson: () => void;
  onCancel: () => void;
  onBack: () => void;
  isActive?: boolean;
}

type Choice = 'submit' | `edit-${EditableStep}` | 'json' | 'cancel';

function Row(props: {label: string; value: string}): React.JSX.Element {
  return (
    <Box>
      <Box width={18}>
        <Text dimColor>{props.label}</Text>
      </Box>
      <Text wrap="truncate-end">{props.value}</Text>
    </Box>
  );
}

export function ReviewScreen(props: ReviewScreenProps): React.JSX.Element {
  const {body} = props;
  const items: Array<MenuItem<Choice>> = [
    {value: 'submit', label: 'Submit the order', hotkey: 's'},
    ...(props.customerEditable ? [{value: 'edit-customer' as const, label: 'Edit customer', hotkey: 'c'}] : []),
    {value: 'edit-vpn', label: 'Edit VPN', hotkey: 'v'},
    {value: 'edit-country', label: 'Edit country', hotkey: 'o'},
    {value: 'edit-site', label: 'Edit names and reference', hotkey: 'n'},
    {value: 'json', label: props.showJson ? 'Hide the JSON body' : 'Show the JSON body', hotkey: 'j'},
    {value: 'cancel', label: 'Cancel (nothing is ordered)', hotkey: 'q'},
  ];
  const select = (choice: Choice) => {
    if (choice === 'submit') return props.onSubmit();
    if (choice === 'json') return props.onToggleJson();
    if (choice === 'cancel') return props.onCancel();
    return props.onEdit(choice.slice('edit-'.length) as EditableStep);
  };
  return (
    <Box flexDirection="column">
      <Text bold>Review the order</Text>
      {props.showJson ? (
        <Box flexDirection="column">
          <Text dimColor>{`POST /customers/${props.customerCode}/orders`}</Text>
          <Text>{JSON.stringify(body, null, 2)}</Text>
        </Box>
      ) : (
        <Box flexDirection="column">
          <Row label="Profile · env" value={props.target} />
          <Row label="Customer" value={props.customer} />
          <Row label="VPN" value={props.vpn} />
          <Row label="Country" value={props.country} />
          <Row label="Technical name" value={body.parameters.technicalSiteName} />
          <Row label="Site label" value={body.parameters.customerSiteLabel} />
          <Row label="Order reference" value={body.customerOrderReference} />
        </Box>
      )}
      <Box marginTop={1}>
        <Menu<Choice> items={items} onSelect={select} onBack={props.onBack} isActive={props.isActive ?? true} />
      </Box>
      <Footer hints={[['↑↓', 'move'], ['Enter', 'choose'], ['s', 'submit'], ['j', 'JSON'], ['Esc', 'back'], ['q', 'cancel']]} />
    </Box>
  );
}
