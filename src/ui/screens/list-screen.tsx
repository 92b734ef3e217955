/**
 * The shape shared by the customer and VPN steps: a title, then the list's loading, failed, empty
 * or ready look, and the keys in a footer.
 */
import {Box, type Key} from 'ink';
import React, {useState} from 'react';
import type {Loadable} from '../../flow/state.js';
import {Busy} from '../components/busy.js';
import {ErrorBlock} from '../components/error-block.js';
import {FilterList, type FilterListProps} from '../components/filter-list.js';
import {Footer} from '../components/footer.js';
import {Menu} from '../components/menu.js';
import {useTheme} from '../theme.js';
import {Text} from '../components/text.js';
import {count, countOf, grouped} from '../../text/plural.js';

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
  const soFar = list?.status === 'loading' || list?.status === 'failed' ? list.soFar : undefined;
  const noun = props.listProps.noun;
  /** The rows to show: the whole list, or (`partial`) the part of it read so far. */
  let rows: {items: readonly T[]; partial?: 'loading' | 'failed'; note?: React.JSX.Element; noteLines: number} | undefined;
  // Once rows were shown under the "Still loading" line, that line stays when the last page is in,
  // its spinner turned into a ✓ (as fzf's info line stays): the rows keep their lines.
  const [shownLoading, setShownLoading] = useState(false);
  if (!shownLoading && list?.status === 'loading' && soFar !== undefined && soFar.value.length > 0) setShownLoading(true);
  if (list?.status === 'ready' && list.value.length > 0) {
    rows = shownLoading
      ? {
          items: list.value,
          note: (
            <Text>
              <Text color={theme.success}>✓</Text>
              {` All ${count(list.value.length, ...noun, grouped)} loaded.`}
            </Text>
          ),
          noteLines: 1,
        }
      : {items: list.value, noteLines: 0};
  } else if (list !== undefined && list.status !== 'ready' && soFar !== undefined && soFar.value.length > 0) {
    // Part of the list is in: its rows can be moved among, filtered and chosen while the rest
    // arrive, and the screen says plainly how much is in and that it is not the whole list.
    const n = soFar.value.length;
    const of = soFar.total === undefined ? count(n, ...noun, grouped) : countOf(n, soFar.total, ...noun);
    rows =
      list.status === 'loading'
        ? {items: soFar.value, partial: 'loading', note: <Busy label={`Still loading: ${of} loaded${soFar.total === undefined ? ' so far' : ''}…`} since={list.since} />, noteLines: 1}
        : {
            items: soFar.value,
            partial: 'failed',
            note: (
              <Box flexDirection="column">
                <ErrorBlock error={list.error} />
                <Text color={theme.warning}>{`✗ The list is incomplete: only ${of} were read. One listed here can still be chosen; Ctrl+R reads the whole list again.`}</Text>
              </Box>
            ),
            noteLines: 5,
          };
  }
  if (rows !== undefined) {
    const failed = rows.partial === 'failed';
    const retryKey = (input: string, key: Key) => {
      if (!failed || !key.ctrl || input !== 'r') return false;
      props.onRetry();
      return true;
    };
    // One tree whether the list is whole or not, so the filter and the highlighted row live on
    // from the first page to the last.
    body = (
      <Box flexDirection="column">
        {rows.note ?? null}
        <FilterList<T>
          {...props.listProps}
          rows={Math.max(3, props.listProps.rows - rows.noteLines)}
          partial={rows.partial}
          onOtherKey={retryKey}
          onBack={back}
          items={rows.items}
          isActive={isActive}
          typedAhead={props.reason === undefined}
        />
      </Box>
    );
    hints = [['type', 'to filter'], ['↑↓', 'move'], ['Enter', 'choose'], ...(failed ? [['Ctrl+R', 'try again'] as const] : []), ...(back ? [['Esc', backLabel] as const] : []), ['Ctrl+C', 'quit']];
  } else if (list === undefined || list.status === 'loading') {
    body = <Busy label={props.loadingLabel} since={list?.since} />;
    hints = [['Ctrl+C', 'quit']];
  } else if (list.status === 'failed') {
    body = (
      <Box flexDirection="column">
        <ErrorBlock error={list.error} />
        <Box marginTop={1}>
          <Menu<'retry' | 'quit'>
            isActive={isActive}
            typedAhead={false}
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
  } else {
    // Ready and empty (a list with rows is shown above).
    body = (
      <Box flexDirection="column">
        <Text color={theme.warning}>{`✗ ${props.emptyText}`}</Text>
        <Box marginTop={1}>
          <Menu<'quit'> isActive={isActive} typedAhead={false} items={[{value: 'quit', label: 'Quit', hotkey: 'q'}]} onSelect={props.onQuit} onBack={back} />
        </Box>
      </Box>
    );
    hints = [['q', 'quit'], ...(back ? [['Esc', backLabel] as const] : [])];
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
