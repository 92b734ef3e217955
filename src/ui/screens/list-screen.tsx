/**
 * The shape shared by the customer and VPN steps: a title, then the list's loading, failed, empty
 * or ready look, and the keys in a footer.
 */
import {Box} from 'ink';
import React from 'react';
import type {Loadable} from '../../flow/state.js';
import {Busy} from '../components/busy.js';
import {ErrorBlock} from '../components/error-block.js';
import {FilterList, type FilterListProps} from '../components/filter-list.js';
import {Footer} from '../components/footer.js';
import {Menu} from '../components/menu.js';
import {useTheme} from '../theme.js';
import {Text} from '../components/text.js';

/** The filter rule lives with the flow; re-exported for the screens that build on this one. */
export {matchingAny} from '../../flow/choices.js';

export interface ListScreenProps<T> {
  title: string;
  loadingLabel: string;
  /** What to say when the list is empty. */
  emptyText: string;
  list: Loadable<T[]> | undefined;
  listProps: Omit<FilterListProps<T>, 'items' | 'isActive'>;
  canGoBack: boolean;
  /** What Esc does, in the key line: "back", or "cancel the edit" on a step changed from the review. */
  backLabel?: string | undefined;
  /** A line under the title, e.g. why the step is asked again. */
  reason?: string | undefined;
  onRetry: () => void;
  onQuit: () => void;
  isActive?: boolean;
}

export function ListScreen<T>(props: ListScreenProps<T>): React.JSX.Element {
  const theme = useTheme();
  const {list, isActive = true, canGoBack} = props;
  const back = canGoBack ? props.listProps.onBack : undefined;
  const backLabel = props.backLabel ?? 'back';
  let body: React.JSX.Element;
  let hints: Array<readonly [string, string]>;
  if (list === undefined || list.status === 'loading') {
    body = <Busy label={props.loadingLabel} since={list?.since} />;
    hints = [['Ctrl+C', 'quit']];
  } else if (list.status === 'failed') {
    body = (
      <Box flexDirection="column">
        <ErrorBlock error={list.error} />
        <Box marginTop={1}>
          <Menu<'retry' | 'quit'>
            isActive={isActive}
            items={[
              {value: 'retry', label: 'Try again', hotkey: 'r'},
              {value: 'quit', label: 'Quit', hotkey: 'q'},
            ]}
            onSelect={(v) => (v === 'retry' ? props.onRetry() : props.onQuit())}
            onBack={back}
          />
        </Box>
      </Box>
    );
    hints = [['↑↓', 'move'], ['Enter', 'choose'], ['r', 'retry'], ['q', 'quit'], ...(back ? [['Esc', backLabel] as const] : [])];
  } else if (list.value.length === 0) {
    body = (
      <Box flexDirection="column">
        <Text color={theme.warning}>{`✗ ${props.emptyText}`}</Text>
        <Box marginTop={1}>
          <Menu<'quit'> isActive={isActive} items={[{value: 'quit', label: 'Quit', hotkey: 'q'}]} onSelect={props.onQuit} onBack={back} />
        </Box>
      </Box>
    );
    hints = [['q', 'quit'], ...(back ? [['Esc', backLabel] as const] : [])];
  } else {
    body = <FilterList<T> {...props.listProps} onBack={back} items={list.value} isActive={isActive} />;
    hints = [['type', 'to filter'], ['↑↓', 'move'], ['Enter', 'choose'], ...(back ? [['Esc', backLabel] as const] : []), ['Ctrl+C', 'quit']];
  }
  return (
    <Box flexDirection="column">
      <Text bold>{props.title}</Text>
      {props.reason ? <Text color={theme.warning}>{`! ${props.reason}`}</Text> : null}
      {body}
      <Footer hints={hints} />
    </Box>
  );
}
