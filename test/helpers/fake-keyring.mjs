// A stand-in for @napi-rs/keyring, loaded by the keyring child process in tests. Same shapes
// (AsyncEntry, findCredentialsAsync); values live in memory for the child's life. Two account
// names misbehave on purpose:
//   "stuck:<fifo path>" blocks one of libuv's worker threads opening a FIFO nobody writes to, the
//     way a Secret Service call waiting for an unlock prompt does;
//   "fail:<text>" throws the text as the library would;
//   "clock:<name>" answers the time (Date.now()) at which the child read it.
import {open} from 'node:fs/promises';

const items = new Map();

export class AsyncEntry {
  constructor(service, account) {
    this.key = `${service}\n${account}`;
    this.account = account;
  }
  async getPassword() {
    if (this.account.startsWith('stuck:')) {
      await open(this.account.slice('stuck:'.length), 'r');
      return 'never';
    }
    if (this.account.startsWith('fail:')) throw new Error(this.account.slice('fail:'.length));
    if (this.account.startsWith('clock:')) return String(Date.now());
    return items.get(this.key) ?? null;
  }
  async setPassword(password) {
    items.set(this.key, password);
  }
  async deletePassword() {
    return items.delete(this.key);
  }
}

export async function findCredentialsAsync(service) {
  return [...items]
    .filter(([k]) => k.startsWith(`${service}\n`))
    .map(([k, password]) => ({account: k.split('\n')[1], password}));
}
