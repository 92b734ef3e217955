/** A BtalkError as a person reads it: message, API code and text, request id, what to do next. */
import {Box, Text} from 'ink';
import React from 'react';
import type {BtalkError} from '../../errors.js';
import {useTheme} from '../theme.js';

export function ErrorBlock(props: {error: BtalkError; title?: string}): React.JSX.Element {
  const theme = useTheme();
  const {error} = props;
  const api = [error.apiCode === undefined ? undefined : `code ${error.apiCode}`, error.apiMessage, error.apiDescription !== error.apiMessage ? error.apiDescription : undefined].filter(Boolean);
  return (
    <Box flexDirection="column">
      {props.title ? <Text bold>{props.title}</Text> : null}
      <Text color={theme.danger}>{`✗ ${error.message}`}</Text>
      {error.problems.map((p) => (
        <Text key={p.field} color={theme.danger}>{`  - ${p.field}: ${p.message}`}</Text>
      ))}
      {api.length > 0 ? <Text>{`  API: ${api.join(' - ')}`}</Text> : null}
      {error.requestId ? <Text>{`  Request id: ${error.requestId} (quote it to Orange support)`}</Text> : null}
      {error.hint ? <Text dimColor>{`  Next: ${error.hint}`}</Text> : null}
    </Box>
  );
}
