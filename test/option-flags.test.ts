/** declaredFlags: how the parses made before commander's read a declaration (src/option-flags.ts). */
import {describe, expect, it} from 'vitest';
import {declaredFlags, ORDER_FLAGS, ROOT_FLAGS} from '../src/option-flags.js';

describe('declaredFlags', () => {
  it('reads a switch, a value, and a short flag beside a long one', () => {
    expect(declaredFlags('--sandbox')).toEqual({flags: ['--sandbox'], value: false});
    expect(declaredFlags('--vpn <vpn>')).toEqual({flags: ['--vpn'], value: true});
    expect(declaredFlags('-p, --profile <name>')).toEqual({flags: ['-p', '--profile'], value: true});
    expect(declaredFlags('-y, --yes')).toEqual({flags: ['-y', '--yes'], value: false});
  });

  it('reads no optional or variadic value (what it would take is not known before commander)', () => {
    for (const declaration of ['--depth [n]', '--files <paths...>', '-x', 'plain']) expect(declaredFlags(declaration), declaration).toBeUndefined();
  });

  it('reads every declaration btalk gives commander', () => {
    for (const declaration of [...Object.values(ROOT_FLAGS), ...Object.values(ORDER_FLAGS)]) expect(declaredFlags(declaration), declaration).toBeDefined();
  });
});
