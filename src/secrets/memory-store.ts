/**
 * A SecretStore that lives in memory: used by tests and by --sandbox sessions so that the
 * emulator's demo credentials never reach the OS keychain.
 */
import type {SecretStore} from './types.js';

export class MemorySecretStore implements SecretStore {
  private readonly items = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [account, value] of Object.entries(initial)) this.items.set(account, value);
  }

  async get(account: string): Promise<string | undefined> {
    return this.items.get(account);
  }

  async set(account: string, value: string): Promise<void> {
    this.items.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    return this.items.delete(account);
  }

  async list(): Promise<string[]> {
    return [...this.items.keys()].sort();
  }
}
