import {describe, expect, it} from 'vitest';
import {useEmulator} from '../helpers/emulator.js';

describe('emulator clock skew', () => {
  const sandbox = useEmulator({clockSkewSeconds: -3600});

  it('every answer carries a Date header shifted by the setting, and the setting is live', async () => {
    const before = Date.now();
    const answer = await fetch(`${sandbox().baseUrl}/me`);
    const date = Date.parse(answer.headers.get('date') ?? '');
    expect(before - date).toBeGreaterThanOrEqual(3599_000);
    expect(before - date).toBeLessThan(3605_000);
    sandbox().settings.clockSkewSeconds = 0;
    const again = Date.parse((await fetch(`${sandbox().baseUrl}/me`)).headers.get('date') ?? '');
    expect(Math.abs(Date.now() - again)).toBeLessThan(5000);
  });
});
