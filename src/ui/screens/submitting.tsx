/**
 * Step 8: the order is on its way. No keys but Ctrl+C, so nothing can send it twice. An interrupt
 * while the POST may be on its way is said at once, and its answer is still awaited.
 */
import {Box} from 'ink';
import React from 'react';
import {firstOrderPath} from '../../api/order-path.js';
import {interruptWaitText, type InterruptSignal} from '../../errors.js';
import {Busy} from '../components/busy.js';
import {Footer} from '../components/footer.js';
import {Text} from '../components/text.js';
import {useTheme} from '../theme.js';
import {useKeys} from '../use-keys.js';

export interface SubmittingScreenProps {
  technicalSiteName: string;
  customerCode: string;
  mode: 'send' | 'find' | 'resend';
  checking: boolean;
  /** "Send again": the fresh check found nothing and the POST went out again. */
  resent?: boolean | undefined;
  /** The POST's bound, said with its seconds ("waiting up to 60 s"). */
  orderTimeoutMs?: number | undefined;
  /** Interrupted while the order may be on its way: its answer is awaited, then the wizard exits. */
  interrupted?: InterruptSignal | undefined;
}

function label(props: SubmittingScreenProps): string {
  const name = props.technicalSiteName;
  const post = `POST ${firstOrderPath(props.customerCode)}`;
  if (props.mode === 'find') return `Looking for ${name} in GET /voicesites (the whole list)…`;
  if (props.checking) {
    if (props.mode === 'resend' && !props.resent) return `Send again: reading the whole list of GET /voicesites first; ${name} is sent only if it is not there…`;
    return `The answer to the order was lost: looking for ${name} in GET /voicesites before anything else…`;
  }
  if (props.resent) return `${name} is not listed: sending the order again, once (${post})…`;
  return `Sending the order for ${name} (${post})…`;
}

export function SubmittingScreen(props: SubmittingScreenProps): React.JSX.Element {
  const text = label(props);
  // Every key typed while the order is on its way ends here, unused: none may act on the screen
  // that says how it went (an Enter pressed twice on the review must not choose there).
  useKeys(() => {});
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {/* Keyed by what it waits for: each phase counts its own seconds. */}
      <Busy key={text} label={text} boundMs={props.checking || props.mode === 'find' ? undefined : props.orderTimeoutMs} />
      {props.interrupted ? <Text color={theme.warning}>{interruptWaitText(props.interrupted)}</Text> : <Footer hints={[['Ctrl+C', 'quit (you will be told whether the order was sent)']]} />}
    </Box>
  );
}
