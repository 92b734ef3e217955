/** The top line on every screen: who and where (profile, environment), and SANDBOX when emulated. */
import {Box, Text} from 'ink';
import React from 'react';
import {useTheme} from '../theme.js';

export interface HeaderInfo {
  profile: string;
  environment: string;
  baseUrl: string;
  sandbox: boolean;
}

export function Header(props: {info: HeaderInfo}): React.JSX.Element {
  const theme = useTheme();
  const {info} = props;
  return (
    <Box marginBottom={1}>
      <Text bold>btalk · new voicesite</Text>
      <Text dimColor wrap="truncate-end">{`  profile ${info.profile} · ${info.environment}`}</Text>
      {info.sandbox ? (
        <Text>
          {'  '}
          <Text inverse bold color={theme.sandbox}>
            {' SANDBOX '}
          </Text>
        </Text>
      ) : null}
    </Box>
  );
}
