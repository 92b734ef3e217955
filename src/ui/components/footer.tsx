/**
 * The keys a screen answers to, always on its last lines. The line wraps between hints, never
 * inside one and never cut: at 60 columns "Esc back" is still read whole, on the next line.
 */
import {Box} from 'ink';
import React from 'react';
import {Text} from './text.js';

export type KeyHint = readonly [keys: string, action: string];

export function Footer(props: {hints: ReadonlyArray<KeyHint | false | undefined>}): React.JSX.Element {
  const hints = props.hints.filter((h): h is KeyHint => Boolean(h));
  return (
    <Box marginTop={1} flexWrap="wrap">
      {hints.map(([keys, action], i) => (
        <Text key={`${keys} ${action}`} dimColor>
          {`${keys} ${action}${i < hints.length - 1 ? ' · ' : ''}`}
        </Text>
      ))}
    </Box>
  );
}
