import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {journalLine} from '../../src/journal/journal.js';
import type {JournalEntry, JournalOutcome} from '../../src/journal/entry.js';
import {orderKey, unsettledOrders} from '../../src/journal/unsettled.js';

const API = 'https://api.example/btalk/beta/v1';

function entry(name: string, outcome: JournalOutcome, overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    v: 1,
    time: '2026-12-01T10:00:00.000Z',
    btalk: '0.1.0',
    source: 'batch',
    profile: 'default',
    environment: 'orange',
    baseUrl: API,
    customer: {code: '41001'},
    vpn: {id: 'v1'},
    country: 'FR',
    technicalSiteName: name,
    customerSiteLabel: name,
    customerOrderReference: 'PO-1',
    outcome,
    requestIds: [],
    ...overrides,
  };
}

function stateWith(entries: JournalEntry[], extra = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'btalk-unsettled-unit-'));
  writeFileSync(path.join(dir, 'orders.jsonl'), entries.map((e) => journalLine(e)).join('\n') + '\n' + extra);
  return dir;
}

describe('unsettledOrders', () => {
  it('keeps an unknown order until a later line for the same API, customer and name settles it', async () => {
    const dir = stateWith(
      [
        entry('A', 'unknown'),
        entry('B', 'unknown'),
        entry('B', 'recovered'),
        entry('C', 'ordered'),
        entry('C', 'unknown'),
        entry('D', 'unknown', {customer: {code: '41002'}}),
        entry('D', 'ordered'),
        entry('E', 'unknown', {baseUrl: 'http://127.0.0.1:4000/btalk/beta/v1'}),
      ],
      'a line cut by a crash {"v":1\n',
    );
    const keys = [...(await unsettledOrders(dir)).keys()];
    expect(keys.sort()).toEqual(
      [orderKey(API, '41001', 'A'), orderKey(API, '41001', 'C'), orderKey(API, '41002', 'D'), orderKey('http://127.0.0.1:4000/btalk/beta/v1', '41001', 'E')].sort(),
    );
  });

  it('a state folder without a journal holds nothing back', async () => {
    expect((await unsettledOrders(mkdtempSync(path.join(tmpdir(), 'btalk-unsettled-none-')))).size).toBe(0);
  });
});
