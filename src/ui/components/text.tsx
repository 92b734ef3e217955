/**
 * Ink's <Text> with the terminal-safe rule applied to every string it shows. Screens and widgets
 * import Text from here, never from 'ink' (a test holds that line), so a name, a label, an error
 * text or a request id from outside cannot put an escape sequence or a bidi override in a frame:
 * controls become visible escapes (see src/text/terminal-safe.ts); the newlines btalk writes stay.
 *
 * Ink wraps with wrap-ansi untrimmed, so a line it breaks at a space starts the next line with
 * that space. Here a wrapped line loses it, while the indentation btalk writes (JSON, a menu's
 * unselected items) is kept: leading spaces of the text are made no-break spaces, which Ink never
 * breaks at, and turned back into spaces as each line is drawn.
 */
import {Text as InkText, Transform, type TextProps} from 'ink';
import React from 'react';
import {terminalSafeLines} from '../../text/terminal-safe.js';

const NBSP = '\u00a0';
/** Leading spaces, of the text and after each newline in it. */
const keepIndent = (text: string) => text.replace(/(^|\n)( +)/g, (_m, newline: string, spaces: string) => newline + NBSP.repeat(spaces.length));
/** A drawn line: the space a break left at its start (after any style codes) goes, the kept indentation comes back. */
const LEADING_SPACE = /^((?:\u001b\[[0-9;]*m)*) +/;
const drawn = (line: string, index: number) => (index > 0 ? line.replace(LEADING_SPACE, '$1') : line).replaceAll(NBSP, ' ');

function safeChildren(children: React.ReactNode, wraps: boolean): React.ReactNode {
  return React.Children.map(children, (child) => {
    if (typeof child === 'string') return wraps ? keepIndent(terminalSafeLines(child)) : terminalSafeLines(child);
    if (React.isValidElement<{children?: React.ReactNode}>(child) && child.type === React.Fragment) {
      return <>{safeChildren(child.props.children, wraps)}</>;
    }
    return child;
  });
}

/** Shorter texts without a space inside fit any column btalk lays out; nested texts may add up. */
function mayWrap(children: React.ReactNode): boolean {
  let length = 0;
  let nested = false;
  React.Children.forEach(children, (child) => {
    if (typeof child === 'string' || typeof child === 'number') length += String(child).length;
    else if (child !== null && child !== undefined && typeof child !== 'boolean') nested = true;
  });
  return nested || length > 16;
}

export function Text({children, ...props}: TextProps): React.JSX.Element {
  // Truncating modes cut rather than break lines: nothing to take away (and Transform would drop the mode).
  // Ink's Transform costs a node and a pass per line: only texts long enough to wrap pay for it.
  const wraps = (props.wrap === undefined || props.wrap === 'wrap') && mayWrap(children);
  const text = <InkText {...props}>{safeChildren(children, wraps)}</InkText>;
  return wraps ? <Transform transform={drawn}>{text}</Transform> : text;
}
