/**
 * A screen that always fits the lines it is given: its `foot` (menu, status, key line) stays
 * whole at the bottom, and when the `body` (a coverage table, a review, the order details) would
 * push the frame past the terminal, the body scrolls within the rest, with a line that says how
 * much is above and below and which keys scroll. Nothing is cut without that line.
 *
 * Heights are Ink's own (measureElement after layout), so wrapped lines count as they are drawn.
 * Every frame stays within `height` lines: the first is drawn at that height, and once measured
 * the screen takes just what it needs. Scroll state is a pure reducer (scroll-state.ts), the keys come through useKeys.
 */
import {Box, measureElement, type DOMElement} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import {useKeys} from '../use-keys.js';
import {useStore} from '../use-store.js';
import {scrollCue, scrollKey, scrollReducer, type ScrollState} from './scroll-state.js';
import {Text} from './text.js';

export interface FitScreenProps {
  /** The lines this screen may take (the terminal's rows less the header and finished steps); none: no limit. */
  height?: number | undefined;
  body: React.ReactNode;
  foot: React.ReactNode;
  /** ↑/↓ scroll too (screens without a menu); PgUp/PgDn always do. */
  arrows?: boolean;
  isActive?: boolean;
  /**
   * Names the screen, so that coming back to it (Esc from an edit) draws its first frame from the
   * last measure at this height, exactly as it was left, rather than padded until measured.
   */
  id?: string;
}

interface Measured {
  body: number;
  foot: number;
}

/** The last measure of each named screen at each height (a handful of entries in a run). */
const remembered = new Map<string, Measured>();

export function FitScreen(props: FitScreenProps): React.JSX.Element {
  const bodyRef = useRef<DOMElement>(null);
  const footRef = useRef<DOMElement>(null);
  const memoKey = props.id === undefined ? undefined : `${props.id} ${props.height ?? ''}`;
  const [measured, setMeasured] = useState<Measured | undefined>(() => (memoKey === undefined ? undefined : remembered.get(memoKey)));
  const [scroll, dispatch, get] = useStore(scrollReducer, (): ScrollState => ({offset: 0, total: 0, window: 0}));

  const height = props.height ?? Number.POSITIVE_INFINITY;
  const fits = height === Number.POSITIVE_INFINITY || (measured !== undefined && measured.body + measured.foot <= height);
  // One line for the cue; at least one line of body, however short the terminal.
  const window = measured === undefined || fits ? 0 : Math.max(1, height - measured.foot - 1);

  useEffect(() => {
    if (!bodyRef.current || !footRef.current) return;
    const next = {body: measureElement(bodyRef.current).height, foot: measureElement(footRef.current).height};
    if (memoKey !== undefined) remembered.set(memoKey, next);
    if (next.body !== measured?.body || next.foot !== measured?.foot) setMeasured(next);
  });
  useEffect(() => {
    const total = measured?.body ?? 0;
    const shown = fits ? total : window;
    const now = get();
    if (now.total !== total || now.window !== shown) dispatch({type: 'resized', total, window: shown});
  }, [measured, fits, window, dispatch, get]);

  useKeys(
    (input, key) => {
      const move = scrollKey(input, key, {arrows: props.arrows ?? false});
      if (move) dispatch(move);
    },
    {isActive: (props.isActive ?? true) && !fits && measured !== undefined},
  );

  // One shape whatever the measure, its height never above `height`: content that grows between
  // two measures is clipped for a frame, never drawn past the terminal (Ink would then clear it all).
  const boxHeight = measured === undefined ? height : fits ? measured.body + measured.foot : height;
  const cue = measured && !fits ? scrollCue(scroll, {arrows: props.arrows ?? false}) : '';
  return (
    <Box flexDirection="column" height={boxHeight === Number.POSITIVE_INFINITY ? undefined : boxHeight} flexShrink={0}>
      <Box flexDirection="column" flexShrink={1} overflow="hidden" height={measured && !fits ? window : undefined}>
        <Box ref={bodyRef} flexDirection="column" flexShrink={0} marginTop={fits ? 0 : -scroll.offset}>
          {props.body}
        </Box>
      </Box>
      {fits ? null : (
        <Box flexShrink={0} height={1}>
          <Text dimColor wrap="truncate-end">
            {cue}
          </Text>
        </Box>
      )}
      <Box ref={footRef} flexDirection="column" flexShrink={0}>
        {props.foot}
      </Box>
    </Box>
  );
}
