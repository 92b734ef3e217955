/** A country's coverage as a table people can read: documented labels, Yes/No, two columns. */
import {Box, Text} from 'ink';
import React from 'react';
import {COVERAGE_FIELDS, type Country} from '../../api/schemas.js';
import {useTheme} from '../theme.js';

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

export function CoverageTable(props: {country: Country; columns?: number}): React.JSX.Element {
  const theme = useTheme();
  const coverage = props.country.coverage as Record<string, unknown>;
  const rows = COVERAGE_FIELDS.filter(([key]) => key !== 'comment').map(([key, label]) => ({key, label, value: show(coverage[key])}));
  const comment = coverage['comment'];
  const twoColumns = (props.columns ?? 80) >= 80;
  const half = twoColumns ? Math.ceil(rows.length / 2) : rows.length;
  const columns = twoColumns ? [rows.slice(0, half), rows.slice(half)] : [rows];
  const colour = (v: string) => (v === 'Yes' ? theme.success : v === 'No' ? theme.warning : undefined);
  return (
    <Box flexDirection="column">
      <Box>
        {columns.map((col, c) => (
          <Box key={c} flexDirection="column" width={twoColumns ? 40 : undefined}>
            {col.map((r) => (
              <Box key={r.key}>
                <Box width={35}>
                  <Text wrap="truncate-end">{r.label}</Text>
                </Box>
                <Text color={colour(r.value)} bold={r.key === 'businessTalkOnline'}>
                  {r.value}
                </Text>
              </Box>
            ))}
          </Box>
        ))}
      </Box>
      {typeof comment === 'string' && comment.trim() !== '' ? <Text dimColor wrap="truncate-end">{`Comment: ${comment}`}</Text> : null}
    </Box>
  );
}
