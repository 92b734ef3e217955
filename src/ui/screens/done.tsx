/**
 * Step 9: the delivered voiceSiteId, large and alone on its line so it is easy to copy, the order
 * details, and whether GET /voicesites lists the new site. "n" starts one more site with the same
 * customer, VPN and country (support staff order many in a sitting).
 */
import {Box} from 'ink';
import React from 'react';
import type {Loadable} from '../../flow/state.js';
import type {PlacedOrder} from '../../order/place-order.js';
import {Busy} from '../components/busy.js';
import {FitScreen} from '../components/fit-screen.js';
import {Footer} from '../components/footer.js';
import {count} from '../plural.js';
import {useTheme} from '../theme.js';
import {useKeys} from '../use-keys.js';
import {Text} from '../components/text.js';

export interface DoneScreenProps {
  placed: PlacedOrder;
  listed: Loadable<boolean>;
  details: ReadonlyArray<readonly [string, string]>;
  /** Sites ordered in this run, this one included. */
  orderedCount: number;
  /** The lines the screen may take: the details scroll within them, the id and keys stay. */
  height?: number | undefined;
  onExit: () => void;
  onRecheck: () => void;
  /** One more site; with `change`, after choosing another VPN or country for it. */
  onAnother: (change?: 'vpn' | 'country') => void;
  isActive?: boolean;
}

const SHOWN_ORDER_FIELDS = [['orderId', 'Order id'], ['status', 'Order status']] as const;

export function DoneScreen(props: DoneScreenProps): React.JSX.Element {
  const theme = useTheme();
  const {placed, listed} = props;
  useKeys(
    (input, key) => {
      // Not Enter: a second Enter typed after "submit" must not make the id vanish unread.
      if (key.escape || input === 'q') return props.onExit();
      if (input === 'n') return props.onAnother();
      if (input === 'v') return props.onAnother('vpn');
      if (input === 'o') return props.onAnother('country');
      if (input === 'r' && listed.status === 'failed') return props.onRecheck();
    },
    {isActive: props.isActive ?? true},
  );
  const orderFields: Array<readonly [string, string]> = [];
  if (placed.order) {
    for (const [field, label] of SHOWN_ORDER_FIELDS) {
      const value = placed.order[field];
      if (value !== undefined) orderFields.push([label, String(value)]);
    }
  }
  return (
    <FitScreen
      height={props.height}
      arrows
      isActive={props.isActive}
      body={
        <>
          <Text color={theme.success} bold>
            ✓ Voicesite ordered
          </Text>
          <Box borderStyle="round" borderColor={theme.success} paddingX={2} alignSelf="flex-start">
            <Text>
              {'voiceSiteId  '}
              <Text bold>{placed.voiceSiteId}</Text>
            </Text>
          </Box>
          {placed.recovered ? (
            <Text color={theme.warning}>The answer to the order was lost, but the site exists (found by its technical name): it was ordered once.</Text>
          ) : null}
          <Box flexDirection="column">
            {[...props.details, ...orderFields].map(([label, value]) => (
              <Box key={label}>
                <Box width={24} flexShrink={0}>
                  <Text dimColor>{label}</Text>
                </Box>
                {/* Wrapped, not cut: the order details are a record of what was sent. */}
                <Text>{value}</Text>
              </Box>
            ))}
          </Box>
        </>
      }
      foot={
        <>
          <Box marginTop={1}>
            {listed.status === 'loading' ? <Busy label="Checking that GET /voicesites lists it…" /> : null}
            {listed.status === 'ready' && listed.value ? <Text color={theme.success}>✓ GET /voicesites lists the new site.</Text> : null}
            {listed.status === 'ready' && !listed.value ? <Text color={theme.warning}>GET /voicesites does not list it yet: delivery can take a moment; run "btalk voicesites" later.</Text> : null}
            {listed.status === 'failed' ? <Text color={theme.warning}>{`Could not check GET /voicesites: ${listed.error.message}`}</Text> : null}
          </Box>
          <Text dimColor>{`${count(props.orderedCount, 'site', 'sites')} ordered in this run${props.orderedCount > 1 ? ' (all listed when you exit)' : ''}.`}</Text>
          <Footer
            hints={[
              ['n', 'order another site'],
              ['v', 'another, in another VPN'],
              ['o', 'another, in another country'],
              ['q/Esc', props.orderedCount === 1 ? 'exit (the id stays printed)' : 'exit (the ids stay printed)'],
              ...(listed.status === 'failed' ? [['r', 'check again'] as const] : []),
            ]}
          />
        </>
      }
    />
  );
}
