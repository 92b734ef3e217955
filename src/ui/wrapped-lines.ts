/**
 * How many lines Ink draws a text in at a given width: the same wrapping Ink applies to a <Text>
 * (wrap-ansi, hard, untrimmed) after the terminal-safe rule of ui/components/text.tsx. The wizard
 * counts with it what its finished steps and notices take, so the screen below gets the rest.
 */
import wrapAnsi from 'wrap-ansi';
import {terminalSafeLines} from '../text/terminal-safe.js';

export function wrappedLines(text: string, width: number): number {
  if (width < 1) return text.split('\n').length;
  return wrapAnsi(terminalSafeLines(text), width, {trim: false, hard: true}).split('\n').length;
}
