/**
 * The order did not go through. Says plainly whether anything was created, and offers only what
 * is safe: sending again when nothing was created, checking again when nobody knows yet.
 */
import {Box} from 'ink';
import React from 'react';
import type {BtalkError} from '../../errors.js';
import {ErrorBlock} from '../components/error-block.js';
import {Footer} from '../components/footer.js';
import {Menu, type MenuItem} from '../components/menu.js';
import {useTheme} from '../theme.js';
import {Text} from '../components/text.js';

export interface OrderFailedScreenProps {
  error: BtalkError;
  /** The voicesites were searched after an unknown outcome and the site was not there. */
  checked: boolean;
  technicalSiteName: string;
  onResend: () => void;
  onRecheck: () => void;
  onEdit: () => void;
  onQuit: () => void;
  isActive?: boolean;
}

type Choice = 'resend' | 'recheck' | 'edit' | 'quit';

export function OrderFailedScreen(props: OrderFailedScreenProps): React.JSX.Element {
  const theme = useTheme();
  const {error} = props;
  const unknown = error.outcomeUnknown;
  const items: Array<MenuItem<Choice>> = unknown
    ? [
        {value: 'recheck', label: `Check again whether ${props.technicalSiteName} exists`, hotkey: 'r'},
        {value: 'quit', label: 'Quit', hotkey: 'q'},
      ]
    : [
        {value: 'resend', label: 'Send the order again', hotkey: 'r'},
        {value: 'edit', label: 'Edit the order', hotkey: 'e'},
        {value: 'quit', label: 'Quit', hotkey: 'q'},
      ];
  const select = (c: Choice) => (c === 'resend' ? props.onResend() : c === 'recheck' ? props.onRecheck() : c === 'edit' ? props.onEdit() : props.onQuit());
  return (
    <Box flexDirection="column">
      <Text bold>The order did not go through</Text>
      <ErrorBlock error={error} />
      <Box marginTop={1}>
        {unknown ? (
          <Text color={theme.warning}>{`? Nobody knows yet whether ${props.technicalSiteName} was created. Do not send it again before checking.`}</Text>
        ) : props.checked ? (
          <Text color={theme.warning}>{`The answer was lost, so GET /voicesites was searched: ${props.technicalSiteName} was not found. The order was NOT created; sending it again is safe.`}</Text>
        ) : (
          <Text>{`Nothing was created for ${props.technicalSiteName}.`}</Text>
        )}
      </Box>
      <Box marginTop={1}>
        <Menu<Choice> items={items} onSelect={select} onBack={unknown ? undefined : props.onEdit} isActive={props.isActive ?? true} />
      </Box>
      <Footer hints={[['↑↓', 'move'], ['Enter', 'choose'], ...items.map((i) => [i.hotkey ?? '', i.value] as const), ...(unknown ? [] : [['Esc', 'review'] as const])]} />
    </Box>
  );
}
