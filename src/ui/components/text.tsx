/**
 * Ink's <Text> with the terminal-safe rule applied to every string it shows. Screens and widgets
 * import Text from here, never from 'ink' (a test holds that line), so a name, a label, an error
 * text or a request id from outside cannot put an escape sequence or a bidi override in a frame:
 * controls become visible escapes (see src/text/terminal-safe.ts); the newlines btalk writes stay.
 */
import {Text as InkText, type TextProps} from 'ink';
import React from 'react';
import {terminalSafeLines} from '../../text/terminal-safe.js';

function safeChildren(children: React.ReactNode): React.ReactNode {
  return React.Children.map(children, (child) => {
    if (typeof child === 'string') return terminalSafeLines(child);
    if (React.isValidElement<{children?: React.ReactNode}>(child) && child.type === React.Fragment) {
      return <>{safeChildren(child.props.children)}</>;
    }
    return child;
  });
}

export function Text({children, ...props}: TextProps): React.JSX.Element {
  return <InkText {...props}>{safeChildren(children)}</InkText>;
}
