import {describe, expect, it} from 'vitest';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {accountFor} from '../../src/secrets/types.js';

describe('MemorySecretStore', () => {
  it('gives back what was set, and undefined for what was not', async () => {
    const store = new MemorySecretStore();
    await store.set(accountFor('default', 'api-key'), 'k'.repeat(40));
    expect(await store.get('default:api-key')).toBe('k'.repeat(40));
    expect(await store.get('default:client-id')).toBeUndefined();
  });

  it('overwrites, lists sorted account names and says whether a delete removed something', async () => {
    const store = new MemorySecretStore({'prod:client-id': 'a'});
    await store.set('default:client-id', 'b');
    await store.set('default:client-id', 'c');
    expect(await store.get('default:client-id')).toBe('c');
    expect(await store.list()).toEqual(['default:client-id', 'prod:client-id']);
    expect(await store.delete('prod:client-id')).toBe(true);
    expect(await store.delete('prod:client-id')).toBe(false);
    expect(await store.list()).toEqual(['default:client-id']);
  });

  it('keeps two stores apart', async () => {
    const a = new MemorySecretStore();
    const b = new MemorySecretStore();
    await a.set('x', '1');
    expect(await b.get('x')).toBeUndefined();
  });
});
