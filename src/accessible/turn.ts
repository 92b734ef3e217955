/**
 * One turn of the accessible prompts: what a screen says and asks, and the shared ways of asking
 * (a numbered menu, a list to choose from). The words "back", "quit" and "help" work at every
 * question and are handled by `ask` (see run-accessible.ts); each question names the ones that apply.
 */
import type {Action} from '../flow/actions.js';
import {canGoBack} from '../flow/navigation.js';
import type {WizardState} from '../flow/state.js';
import type {WizardSession} from '../ui/wizard-deps.js';
import {answerList, numbered, openingLines, type ListSpec} from './choose.js';
import {terminalSafe} from '../text/terminal-safe.js';

export interface Turn {
  state: WizardState;
  /** The screen is new, or help was asked: say all of it. Otherwise only the question. */
  fresh: boolean;
  say(...lines: string[]): void;
  /** One answer, or undefined when the turn is over (back, quit, help or the end of input were handled). */
  ask(question: string, options?: {secret?: boolean}): Promise<string | undefined>;
  dispatch(action: Action): void;
  session: WizardSession;
  now: Date;
  /** The rows last read out on this screen: what a typed number picks. */
  rows: readonly unknown[];
  setRows(rows: readonly unknown[]): void;
}

/** "Type back to go back, or quit to cancel." (or to cancel the edit; or quit alone). */
export function moves(state: WizardState): string {
  if (state.screen.kind === 'done') return 'Type quit to exit.';
  if (!canGoBack(state)) return 'Type quit to cancel.';
  const {detour, screen} = state;
  // As flow/navigation.ts has it: on the coverage of a chosen country, back is the country list.
  const onDetour = detour !== undefined && (detour.step === 'country' ? screen.kind === 'country' && !screen.chosen : detour.step === screen.kind);
  return `Type back to ${onDetour ? 'cancel the edit' : 'go back'}, or quit to cancel.`;
}

export interface MenuOption {
  label: string;
  run: () => void;
}

/** A numbered menu: a number, or the start of an option's words ("try" for "Try again"). */
export async function menuTurn(turn: Turn, intro: readonly string[], options: readonly MenuOption[], how: {question?: string; onEnter?: () => void} = {}): Promise<void> {
  if (turn.fresh) turn.say(...intro, ...numbered(options, (o) => o.label));
  const reply = await turn.ask(`${how.question ?? 'Type a number.'} ${moves(turn.state)}`);
  if (reply === undefined) return;
  const text = reply.trim().toLowerCase();
  if (text === '') return how.onEnter?.();
  const n = /^\d+$/u.test(text) ? Number(text) : undefined;
  const picked = n !== undefined ? options[n - 1] : unique(options.filter((o) => o.label.toLowerCase().startsWith(text)));
  if (picked) return picked.run();
  turn.say(n !== undefined ? `There is no number ${n}: type a number from 1 to ${options.length}.` : `No choice starts with "${terminalSafe(reply.trim())}": type a number from 1 to ${options.length}.`);
}

function unique<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/**
 * A list to choose from (customers, VPNs, countries). `current`: the earlier answer, kept with
 * Enter. The rows read out are remembered so that a number picks among them.
 */
export async function listTurn<T>(turn: Turn, intro: readonly string[], spec: ListSpec<T>, current: {item: T; text: string} | undefined, choose: (item: T) => void): Promise<void> {
  if (turn.fresh) {
    const opening = openingLines(spec);
    turn.setRows(opening.rows);
    turn.say(...intro, ...opening.lines);
  }
  const keep = current ? ` Press Enter to keep ${current.text}.` : '';
  const number = turn.rows.length > 0 ? 'a number, or ' : '';
  const reply = await turn.ask(`Type ${number}${spec.typeWhat}.${keep} ${moves(turn.state)}`);
  if (reply === undefined) return;
  if (reply.trim() === '') {
    if (current) choose(current.item);
    return;
  }
  const answer = answerList(spec, turn.rows as readonly T[], reply);
  if ('chosen' in answer) return choose(answer.chosen);
  if ('rows' in answer) {
    turn.setRows(answer.rows);
    turn.say(...answer.lines);
    return;
  }
  turn.say(answer.say);
}
