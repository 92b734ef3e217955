/** The top line on every screen: who and where (profile, environment), and SANDBOX when emulated. */
import {Box} from 'ink';
import React from 'react';
import {useTheme} from '../theme.js';
import {Text} from './text.js';

export interface HeaderInfo {
  profile: string;
  environment: string;
  baseUrl: string;
  sandbox: boolean;
}

/** The header's line and the blank line under it. */
export const HEADER_LINES = 2;

export function Header(props: {info: HeaderInfo}): React.JSX.Element {
  const theme = useTheme();
  const {info} = props;
  return (
    <Box marginBottom={1}>
      <Text wrap="truncate-end">
        {info.sandbox ? (
          <Text inverse bold color={theme.sandbox}>
            {' SANDBOX '}
          </Text>
        ) : null}
        {info.sandbox ? ' ' : ''}
        <Text bold>btalk</Text>
        <Text dimColor>{` · profile ${info.profile} · ${info.environment}`}</Text>
      </Text>
    </Box>
  );
}
