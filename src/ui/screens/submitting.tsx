/** Step 8: the order is on its way. No keys but Ctrl+C, so nothing can send it twice. */
import {Box} from 'ink';
import React from 'react';
import {firstOrderPath} from '../../api/order-path.js';
import {Busy} from '../components/busy.js';
import {Footer} from '../components/footer.js';

export function SubmittingScreen(props: {technicalSiteName: string; customerCode: string; mode: 'send' | 'find'; checking: boolean}): React.JSX.Element {
  const label =
    props.mode === 'find'
      ? `Looking for ${props.technicalSiteName} in GET /voicesites…`
      : props.checking
        ? `The answer to the order was lost: looking for ${props.technicalSiteName} in GET /voicesites before anything else…`
        : `Sending the order for ${props.technicalSiteName} (POST ${firstOrderPath(props.customerCode)})…`;
  return (
    <Box flexDirection="column">
      <Busy label={label} />
      <Footer hints={[['Ctrl+C', 'quit (you will be told whether the order was sent)']]} />
    </Box>
  );
}
