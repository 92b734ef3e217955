/**
 * The floor Ink sets: a program that loads Ink and React (bundled as btalk is, with the same build
 * changes) and draws one list, with no API, no command tree and no HTTP client. The benchmark
 * times its first frame in the same pseudo-terminal as the wizard's, so the wizard's figure can be
 * read against what any Ink program pays on this machine. It stays up until the terminal closes.
 */
import {Box, render, Text} from 'ink';

const rows = ['My VPN 1', 'My VPN 2'];

function Floor() {
  return (
    <Box flexDirection="column">
      <Text bold>Choose a VPN</Text>
      {rows.map((row, i) => (
        <Text key={row}>{`${i === 0 ? '›' : ' '} ${row}`}</Text>
      ))}
    </Box>
  );
}

render(<Floor />);
