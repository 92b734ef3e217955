/** Choosing from a list by lines: numbers from the rows read out, text to narrow, never a silent cut. */
import {describe, expect, it} from 'vitest';
import {answerList, MAX_LISTED, openingLines, type ListSpec} from '../../src/accessible/choose.js';
import {matchingAny} from '../../src/flow/choices.js';

interface Item {
  name: string;
  id: string;
}

function spec(items: Item[]): ListSpec<Item> {
  return {
    noun: ['VPN', 'VPNs'],
    items,
    label: (i) => `${i.name} (id ${i.id})`,
    filter: matchingAny<Item>((i) => [i.name, i.id]),
    exact: (list, text) => list.find((i) => i.id === text),
    typeWhat: 'part of a name or id',
  };
}

const many = Array.from({length: 10_000}, (_, n) => ({name: `VPN ${String(n + 1).padStart(5, '0')}`, id: `id${n + 1}`}));

describe('choosing from a list', () => {
  it('reads a short list out whole, numbered', () => {
    const s = spec([{name: 'A', id: '1'}, {name: 'B', id: '2'}]);
    expect(openingLines(s).lines).toEqual(['2 VPNs:', '1) A (id 1)', '2) B (id 2)']);
  });

  it('reads no row of a long one, and says how to narrow it', () => {
    const opening = openingLines(spec(many));
    expect(opening.rows).toEqual([]);
    expect(opening.lines).toEqual(['10,000 VPNs, too many to read out: type part of a name or id to list the ones that match.']);
  });

  it('lists at most MAX_LISTED matches and says how many it leaves out', () => {
    const answer = answerList(spec(many), [], 'VPN 01');
    if (!('rows' in answer)) throw new Error('expected rows');
    expect(answer.rows).toHaveLength(MAX_LISTED);
    expect(answer.lines[0]).toBe('1,000 VPNs match "VPN 01":');
    expect(answer.lines.at(-1)).toBe('Showing 20 of 1,000: type more of the name to narrow the list.');
  });

  it('a number picks from the rows read out; one that is no row is refused, unless it is an exact id', () => {
    const items = [{name: 'Alpha', id: '7'}, {name: 'Beta', id: 'b7'}];
    const s = spec(items);
    expect(answerList(s, items, '2')).toEqual({chosen: items[1]});
    expect(answerList(s, items, '7')).toEqual({chosen: items[0]});
    // "77" is in no id exactly: not a substring search over ids.
    expect(answerList(s, items, '77')).toEqual({say: 'There is no number 77: type a number from 1 to 2, or part of a name or id.'});
  });

  it('one match is chosen; none is said, the typed text made terminal-safe', () => {
    const items = [{name: 'Alpha', id: '1'}, {name: 'Beta', id: '2'}];
    expect(answerList(spec(items), items, 'bet')).toEqual({chosen: items[1]});
    expect(answerList(spec(items), items, 'x\u001b[2J')).toEqual({say: 'No VPN matches "x\\x1b[2J": type part of a name or id.'});
  });
});
