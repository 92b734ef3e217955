/**
 * Step 2: proving the credentials (token, then GET /me). A read-only key stops here, with how to
 * get one that can order.
 */
import {Box} from 'ink';
import React from 'react';
import {canOrder} from '../../api/schemas.js';
import type {Me} from '../../api/types.js';
import type {Loadable} from '../../flow/state.js';
import {Busy} from '../components/busy.js';
import {ErrorBlock} from '../components/error-block.js';
import {Footer} from '../components/footer.js';
import {Menu, type MenuItem} from '../components/menu.js';
import {useTheme} from '../theme.js';
import {Text} from '../components/text.js';

export interface AccessScreenProps {
  me: Loadable<Me> | undefined;
  onRetry: () => void;
  onOtherCredentials: () => void;
  /** The check passed (the screen was reached again with Esc): on to the customer. */
  onContinue?: () => void;
  onQuit: () => void;
  isActive?: boolean;
  /** Where the API key came from, in a few words ("BTALK_API_KEY", "the keychain (profile work)"). */
  keyFrom?: string | undefined;
  /** For a read-only key that did not come from the form: how to change it where it comes from. */
  readOnlyAdvice?: string | undefined;
}

type Choice = 'continue' | 'retry' | 'credentials' | 'quit';

const RETRY = {value: 'retry', label: 'Try again', hotkey: 'r'} as const;

/** The choices after a failed check (retry first) or a read-only key (nothing to retry), with their keys. */
function Choices(props: {retry: boolean; continue?: boolean; isActive: boolean; onSelect: (choice: Choice) => void}): React.JSX.Element {
  const items: Array<MenuItem<Choice>> = [
    ...(props.continue ? [{value: 'continue', label: 'Continue with these credentials', hotkey: 'n'} as const] : []),
    ...(props.retry ? [RETRY] : []),
    {value: 'credentials', label: 'Enter other credentials', hotkey: 'c'},
    {value: 'quit', label: 'Quit', hotkey: 'q'},
  ];
  return (
    <>
      <Box marginTop={1}>
        {/* A failed check or a read-only key was not what keys typed during the check were for. */}
        <Menu<Choice> isActive={props.isActive} items={items} onSelect={props.onSelect} onBack={() => props.onSelect('credentials')} typedAhead={props.continue === true} />
      </Box>
      <Footer hints={[['↑↓', 'move'], ['Enter', 'choose'], ...items.map((i) => [i.hotkey!, i.value] as const), ['Esc', 'other credentials']]} />
    </>
  );
}

export function AccessScreen(props: AccessScreenProps): React.JSX.Element {
  const theme = useTheme();
  const {me, isActive = true} = props;
  const select = (choice: Choice) =>
    choice === 'continue' ? props.onContinue?.() : choice === 'retry' ? props.onRetry() : choice === 'credentials' ? props.onOtherCredentials() : props.onQuit();

  if (me === undefined || me.status === 'loading') {
    return (
      <Box flexDirection="column">
        <Busy label="Checking access (token, then GET /me)…" since={me?.since} />
        <Footer hints={[['Ctrl+C', 'quit']]} />
      </Box>
    );
  }
  if (me.status === 'failed') {
    return (
      <Box flexDirection="column">
        <ErrorBlock title="The access check failed" error={me.error} />
        <Choices retry isActive={isActive} onSelect={select} />
      </Box>
    );
  }
  const from = props.keyFrom ? ` (from ${props.keyFrom})` : '';
  if (!canOrder(me.value)) {
    return (
      <Box flexDirection="column">
        <Text color={theme.warning}>{`✗ This API key${from} is read-only (rights profile "${me.value.rightsProfile}"): it cannot order voicesites.`}</Text>
        <Box flexDirection="column" marginTop={1}>
          <Text>To get an order-capable key:</Text>
          <Text>{'  1. Sign in to the Business Talk Online portal.'}</Text>
          <Text>{'  2. Open the Developer tab and create an API key with ordering rights.'}</Text>
          <Text>{'  3. Come back and enter it here (or run "btalk login").'}</Text>
        </Box>
        {props.readOnlyAdvice ? <Text color={theme.warning}>{props.readOnlyAdvice}</Text> : null}
        <Choices retry={false} isActive={isActive} onSelect={select} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text>{`✓ Access: rights profile ${me.value.rightsProfile} (can order)${props.keyFrom ? `, API key from ${props.keyFrom}` : ''}`}</Text>
      <Choices retry={false} continue isActive={isActive} onSelect={select} />
    </Box>
  );
}
