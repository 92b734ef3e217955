/** A spinner and what is being waited for. */
import {Box} from 'ink';
import Spinner from 'ink-spinner';
import React from 'react';
import {useTheme} from '../theme.js';
import {Text} from './text.js';

export function Busy(props: {label: string}): React.JSX.Element {
  const theme = useTheme();
  return (
    <Box>
      <Text color={theme.accent}>
        <Spinner type="dots" />
      </Text>
      <Text>{` ${props.label}`}</Text>
    </Box>
  );
}
