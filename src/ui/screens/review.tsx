/**
 * Step 7: everything that will be sent, before anything is. Submit, edit any step (answers kept),
 * cancel, or look at the exact JSON body. The JSON view replaces the summary and keeps only
 * submit, hide and cancel in its menu: a body with an 80-character label still fits 80x24.
 */
import {Box} from 'ink';
import React, {useState} from 'react';
import {firstOrderPath} from '../../api/order-path.js';
import type {OrderRequest} from '../../api/types.js';
import type {EditableStep} from '../../flow/state.js';
import {FitScreen} from '../components/fit-screen.js';
import {Footer} from '../components/footer.js';
import {Menu, type MenuItem} from '../components/menu.js';
import {Text} from '../components/text.js';
import {terminalSafeJson} from '../../text/terminal-safe.js';

export interface ReviewScreenProps {
  /** "default · sandbox (http://127.0.0.1:PORT/btalk/beta/v1)" */
  target: string;
  customer: string;
  vpn: string;
  country: string;
  customerCode: string;
  body: OrderRequest;
  showJson: boolean;
  /** The lines the review may take: the summary scrolls within them, the menu folds into lines. */
  height?: number | undefined;
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
      <Box width={18} flexShrink={0}>
        <Text dimColor>{props.label}</Text>
      </Box>
      {/* Wrapped, not cut: the review is where the person reads every character sent. */}
      <Text>{props.value}</Text>
    </Box>
  );
}

export function ReviewScreen(props: ReviewScreenProps): React.JSX.Element {
  const {body} = props;
  const items: Array<MenuItem<Choice>> = props.showJson
    ? [
        {value: 'submit', label: 'Submit the order', hotkey: 's'},
        {value: 'json', label: 'Hide the JSON body (back to the summary and the edits)', hotkey: 'j'},
        {value: 'cancel', label: 'Cancel (nothing is ordered)', hotkey: 'q'},
      ]
    : [
        {value: 'submit', label: 'Submit the order', hotkey: 's'},
        ...(props.customerEditable ? [{value: 'edit-customer' as const, label: 'Edit customer', hotkey: 'c'}] : []),
        {value: 'edit-vpn', label: 'Edit VPN', hotkey: 'v'},
        {value: 'edit-country', label: 'Edit country', hotkey: 'o'},
        {value: 'edit-site', label: 'Edit names and reference', hotkey: 'n'},
        {value: 'json', label: 'Show the JSON body', hotkey: 'j'},
        {value: 'cancel', label: 'Cancel (nothing is ordered)', hotkey: 'q'},
      ];
  // The cursor stays on its item across the swap; an item the other view lacks (an edit) leaves
  // it on "JSON", never on Submit, so an Enter that follows sends nothing by surprise.
  const [cursor, setCursor] = useState<Choice>('submit');
  const initial = items.some((i) => i.value === cursor) ? cursor : 'json';
  const select = (choice: Choice) => {
    if (choice === 'submit') return props.onSubmit();
    if (choice === 'json') return props.onToggleJson();
    if (choice === 'cancel') return props.onCancel();
    return props.onEdit(choice.slice('edit-'.length) as EditableStep);
  };
  // Below 20 lines the menu's items share lines, so the summary still fits a 60x20 terminal.
  const compact = props.height !== undefined && props.height < 20;
  return (
    <FitScreen
      id={props.showJson ? 'review-json' : 'review'}
      height={props.height}
      isActive={props.isActive}
      body={props.showJson ? (
        <Box flexDirection="column">
          <Text>
            <Text bold>Review the order</Text>
            <Text dimColor>{` · the exact body of POST ${firstOrderPath(props.customerCode)}`}</Text>
          </Text>
          <Text>{terminalSafeJson(body, 2)}</Text>
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text bold>Review the order</Text>
          <Row label="Profile · env" value={props.target} />
          <Row label="Customer" value={props.customer} />
          <Row label="VPN" value={props.vpn} />
          <Row label="Country" value={props.country} />
          <Row label="Technical name" value={body.parameters.technicalSiteName} />
          <Row label="Site label" value={body.parameters.customerSiteLabel} />
          <Row label="Order reference" value={body.customerOrderReference} />
        </Box>
      )}
      foot={
        <>
          <Box marginTop={1}>
            <Menu<Choice>
              key={props.showJson ? 'json' : 'summary'}
              items={items}
              initial={initial}
              inline={compact}
              onHighlight={setCursor}
              onSelect={select}
              onBack={props.onBack}
              isActive={props.isActive ?? true}
            />
          </Box>
          <Footer hints={[['↑↓', 'move'], ['Enter', 'choose'], ['s', 'submit'], ['j', props.showJson ? 'summary' : 'JSON'], ['Esc', 'back'], ['q', 'cancel']]} />
        </>
      }
    />
  );
}
