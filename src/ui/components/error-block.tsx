/** A BtalkError as a person reads it on a screen: errorLines(), coloured by tone. */
import {Box} from 'ink';
import React from 'react';
import {errorLines, type BtalkError} from '../../errors.js';
import {useTheme} from '../theme.js';
import {Text} from './text.js';

export function ErrorBlock(props: {error: BtalkError; title?: string}): React.JSX.Element {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {props.title ? <Text bold>{props.title}</Text> : null}
      {errorLines(props.error).map((line, index) => {
        switch (line.tone) {
          case 'message':
            return <Text key={index} color={theme.danger}>{`✗ ${line.text}`}</Text>;
          case 'problem':
            return <Text key={index} color={theme.danger}>{line.text}</Text>;
          case 'detail':
            return <Text key={index}>{line.text}</Text>;
          case 'hint':
            return <Text key={index} dimColor>{line.text}</Text>;
          default: {
            const never: never = line.tone;
            return never;
          }
        }
      })}
    </Box>
  );
}
