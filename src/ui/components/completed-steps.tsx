/** Finished steps, one "✓ answer" line each, so the screen shows the path so far. */
import {Box} from 'ink';
import React from 'react';
import {useTheme} from '../theme.js';
import {Text} from './text.js';

export interface CompletedStep {
  step: string;
  answer: string;
}

export function CompletedSteps(props: {steps: readonly CompletedStep[]}): React.JSX.Element | null {
  const theme = useTheme();
  if (props.steps.length === 0) return null;
  return (
    <Box flexDirection="column" marginBottom={1}>
      {props.steps.map((s) => (
        <Text key={s.step} wrap="truncate-end">
          <Text color={theme.success}>✓ </Text>
          <Text dimColor>{`${s.step}: `}</Text>
          {s.answer}
        </Text>
      ))}
    </Box>
  );
}
