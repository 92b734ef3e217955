import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {FilterList} from '../../../src/ui/components/filter-list.js';
import {keys, press, renderPaced, type, waitForFrame, type PacedUi} from '../../helpers/ink.js';

afterEach(() => cleanup());

const items = Array.from({length: 45}, (_, i) => `Item ${String(i + 1).padStart(2, '0')}`);
const filter = (list: readonly string[], text: string) => list.filter((i) => i.toLowerCase().includes(text.toLowerCase()));

function setup(extra: {initialKey?: string} = {}, renderWith: typeof render | typeof renderPaced = render) {
  const chosen: string[] = [];
  let backs = 0;
  const ui = renderWith(
    <FilterList<string>
      items={items}
      itemKey={(i) => i}
      label={(i) => i}
      filter={filter}
      noun={['thing', 'things']}
      rows={8}
      onChoose={(i) => chosen.push(i)}
      onBack={() => backs++}
      {...extra}
    />,
  );
  return {ui, chosen, backs: () => backs};
}

describe('FilterList', () => {
  it('shows a count, a window of rows and how many more there are', () => {
    const {ui} = setup();
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('45 of 45 things');
    expect(frame).toContain('› Item 01');
    expect(frame).toContain('↓ 37 more');
    expect(frame).not.toContain('Item 09');
  });

  it('groups the digits of how many more rows there are, as the count does', () => {
    const many = Array.from({length: 1500}, (_, i) => `Row ${String(i + 1).padStart(4, '0')}`);
    const ui = render(<FilterList<string> items={many} itemKey={(i) => i} label={(i) => i} filter={filter} noun={['row', 'rows']} rows={8} onChoose={() => {}} onBack={() => {}} />);
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('1,500 of 1,500 rows');
    expect(frame).toContain('↓ 1,492 more');
  });

  it('narrows as you type and chooses the highlighted item with Enter', async () => {
    const {ui, chosen} = setup();
    await type(ui, '5');
    let frame = await waitForFrame(ui, '5 of 45 things');
    expect(frame).toContain('› Item 05');
    await press(ui, keys.down);
    frame = await waitForFrame(ui, '› Item 15');
    await press(ui, keys.enter);
    expect(chosen).toEqual(['Item 15']);
  });

  it('says when nothing matches, and Backspace widens again', async () => {
    const {ui, chosen} = setup();
    await type(ui, 'zz');
    await waitForFrame(ui, 'No things match "zz"');
    await press(ui, keys.enter);
    expect(chosen).toEqual([]);
    await press(ui, keys.backspace);
    await press(ui, keys.backspace);
    await waitForFrame(ui, '45 of 45 things');
  });

  it('scrolls with the cursor, Page Down jumps a window, Esc goes back', async () => {
    const {ui, backs} = setup();
    await press(ui, keys.pageDown);
    let frame = await waitForFrame(ui, '› Item 09');
    expect(frame).toMatch(/↑ \d+ more/);
    for (let i = 0; i < 40; i++) await press(ui, keys.down, {quietMs: 50});
    frame = await waitForFrame(ui, '› Item 45');
    expect(frame).not.toContain('↓');
    await press(ui, keys.escape);
    expect(backs()).toBe(1);
  });

  it('chooses what the typed text shows even when Enter comes before a render', async () => {
    const {ui, chosen} = setup({}, renderPaced);
    await waitForFrame(ui, 'Item 01');
    // "15⏎" in one read, as from a quick hand on a busy machine.
    (ui as PacedUi).write(`15${keys.enter}`);
    await waitForFrame(ui, () => chosen.length > 0);
    expect(chosen).toEqual(['Item 15']);
  });

  it('starts on the item chosen before', () => {
    const {ui} = setup({initialKey: 'Item 30'});
    expect(ui.lastFrame()).toContain('› Item 30');
  });
});
