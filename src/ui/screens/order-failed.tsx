/**
 * The order did not go through. Says plainly whether anything was created, and offers only what
 * is safe: sending again when nothing was created; when nobody knows yet, checking again (the
 * highlighted choice) or "Send again", which reads the whole list first and sends only if the
 * site is not there. Enter alone never sends an order whose outcome is unknown.
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
  /** The voicesites were searched after the API refused the order (a 401) and the site was not there. */
  checked: boolean;
  technicalSiteName: string;
  onResend: () => void;
  onRecheck: () => void;
  /** After an unknown outcome: a fresh complete check, then one POST only if the site is absent. */
  onSendAgain: () => void;
  onEdit: () => void;
  onQuit: () => void;
  isActive?: boolean;
}

type Choice = 'resend' | 'recheck' | 'send-again' | 'edit' | 'quit';

export function OrderFailedScreen(props: OrderFailedScreenProps): React.JSX.Element {
  const theme = useTheme();
  const {error} = props;
  const unknown = error.outcomeUnknown;
  const items: Array<MenuItem<Choice>> = unknown
    ? [
        {value: 'recheck', label: `Check again whether ${props.technicalSiteName} exists`, hotkey: 'r'},
        {value: 'send-again', label: `Send again: checks the whole list first; sends only if ${props.technicalSiteName} is not there`, hotkey: 's'},
        {value: 'quit', label: 'Quit', hotkey: 'q'},
      ]
    : [
        {value: 'resend', label: 'Send the order again', hotkey: 'r'},
        {value: 'edit', label: 'Edit the order', hotkey: 'e'},
        {value: 'quit', label: 'Quit', hotkey: 'q'},
      ];
  const actions: Record<Choice, () => void> = {resend: props.onResend, recheck: props.onRecheck, 'send-again': props.onSendAgain, edit: props.onEdit, quit: props.onQuit};
  const select = (c: Choice) => actions[c]();
  return (
    <Box flexDirection="column">
      <Text bold>The order did not go through</Text>
      <ErrorBlock error={error} />
      <Box marginTop={1}>
        {unknown ? (
          <Text color={theme.warning}>{`? Nobody knows yet whether ${props.technicalSiteName} was created. Do not send it again before checking.`}</Text>
        ) : props.checked ? (
          <Text color={theme.warning}>{`The API refused the order before processing it, and GET /voicesites, searched afterwards, does not list ${props.technicalSiteName}: it was NOT created; sending it again is safe.`}</Text>
        ) : (
          <Text>{`Nothing was created for ${props.technicalSiteName}.`}</Text>
        )}
      </Box>
      <Box marginTop={1}>
        {/* Enter alone checks; sending again always takes its own key or a move first. */}
        <Menu<Choice> items={items} initial={unknown ? 'recheck' : 'resend'} onSelect={select} onBack={unknown ? undefined : props.onEdit} isActive={props.isActive ?? true} />
      </Box>
      <Footer hints={[['↑↓', 'move'], ['Enter', 'choose'], ...items.map((i) => [i.hotkey ?? '', i.value.replace('-', ' ')] as const), ...(unknown ? [] : [['Esc', 'review'] as const])]} />
    </Box>
  );
}
