/**
 * A country's coverage as a table people can read: documented labels, Yes/No, two columns from 80
 * columns up when every value fits beside its label. Nothing is cut: a long value, label or comment wraps within its place, and fields the
 * documentation does not name are shown under their own key (see domain/coverage-view.ts).
 */
import {Box} from 'ink';
import React from 'react';
import stringWidth from 'string-width';
import type {Country} from '../../api/schemas.js';
import {coverageComment, coverageEntries, type CoverageEntry} from '../../domain/coverage-view.js';
import {useTheme} from '../theme.js';
import {Text} from './text.js';


export function CoverageTable(props: {country: Country; columns?: number}): React.JSX.Element {
  const theme = useTheme();
  const rows = coverageEntries(props.country);
  const comment = coverageComment(props.country);
  const width = props.columns ?? 80;
  const labelWidth = Math.min(36, rows.reduce((max, r) => Math.max(max, stringWidth(r.label)), 0) + 1);
  const longestValue = rows.reduce((max, r) => Math.max(max, stringWidth(r.value)), 0);
  // Two columns only when every value fits beside its label; otherwise one, and long values wrap.
  const twoColumns = width >= 80 && labelWidth + longestValue <= Math.floor(width / 2);
  const half = twoColumns ? Math.ceil(rows.length / 2) : rows.length;
  const columns = twoColumns ? [rows.slice(0, half), rows.slice(half)] : [rows];
  const colour = (v: string) => (v === 'Yes' ? theme.success : v === 'No' ? theme.warning : undefined);
  const columnWidth = twoColumns ? Math.floor(width / 2) : width;
  const row = (r: CoverageEntry) => (
    <Box key={r.key} width={columnWidth}>
      <Box width={labelWidth} flexShrink={0}>
        <Text wrap="wrap">{r.label}</Text>
      </Box>
      <Box flexGrow={1} flexShrink={1}>
        <Text color={colour(r.value)} bold={r.key === 'businessTalkOnline'} wrap="wrap">
          {r.value}
        </Text>
      </Box>
    </Box>
  );
  return (
    <Box flexDirection="column" width={width}>
      <Box>
        {columns.map((col, c) => (
          <Box key={c} flexDirection="column" width={columnWidth}>
            {col.map(row)}
          </Box>
        ))}
      </Box>
      {comment ? (
        <Box width={width}>
          <Text dimColor wrap="wrap">{`Comment: ${comment}`}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
