/**
 * Finished steps, one "✓ answer" each, so the screen shows the path so far. A long answer wraps at
 * word boundaries under itself (never cut); `completedLines` counts the lines they take.
 */
import {Box} from 'ink';
import React from 'react';
import {useTheme} from '../theme.js';
import {wrappedLines} from '../wrapped-lines.js';
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
        <Box key={s.step}>
          <Box width={2} flexShrink={0}>
            <Text color={theme.success}>✓</Text>
          </Box>
          <Text>
            <Text dimColor>{`${s.step}: `}</Text>
            {s.answer}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

/** The lines the steps take at `width` columns, their margin included (0 when there are none). */
export function completedLines(steps: readonly CompletedStep[], width: number): number {
  if (steps.length === 0) return 0;
  return steps.reduce((sum, s) => sum + wrappedLines(`${s.step}: ${s.answer}`, width - 2), 0) + 1;
}
