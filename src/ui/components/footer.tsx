/** The keys a screen answers to, always on its last line. */
import {Box, Text} from 'ink';
import React from 'react';

export type KeyHint = readonly [keys: string, action: string];

export function Footer(props: {hints: ReadonlyArray<KeyHint | false | undefined>}): React.JSX.Element {
  const hints = props.hints.filter((h): h is KeyHint => Boolean(h));
  return (
    <Box marginTop={1}>
      <Text dimColor wrap="truncate-end">
        {hints.map(([keys, action]) => `${keys} ${action}`).join(' · ')}
      </Text>
    </Box>
  );
}
