/** Which environment a run talks to when flags and BTALK_* variables disagree: a flag always wins. */
import {describe, expect, it} from 'vitest';
import {envFlag, withEnvDefaults} from '../../src/global-options.js';
import {mergeOrderOptions} from '../../src/order/order-options.js';
import {commandContext, testSessions} from '../helpers/session.js';

const EMULATOR_URL = 'http://127.0.0.1:8080/btalk/beta/v1';

describe('global options and their variables', () => {
  it('--env typed on the command line beats a BTALK_BASE_URL left in the shell', () => {
    expect(withEnvDefaults({env: 'orange'}, {BTALK_BASE_URL: EMULATOR_URL})).toMatchObject({env: 'orange', baseUrl: undefined});
  });

  it('BTALK_BASE_URL still beats BTALK_ENV, and --base-url beats both', () => {
    expect(withEnvDefaults({}, {BTALK_ENV: 'orange', BTALK_BASE_URL: EMULATOR_URL})).toMatchObject({env: 'orange', baseUrl: EMULATOR_URL});
    expect(withEnvDefaults({baseUrl: 'https://lab.example/btalk/v1'}, {BTALK_ENV: 'orange', BTALK_BASE_URL: EMULATOR_URL})).toMatchObject({
      baseUrl: 'https://lab.example/btalk/v1',
    });
  });

  it('one reading of yes/no variables for every command: "no", "off", "0", "false" and empty are no', () => {
    for (const no of [undefined, '', '0', 'false', 'FALSE', 'no', 'No', 'off', ' no ']) expect(envFlag(no), String(no)).toBe(false);
    for (const yes of ['1', 'true', 'yes', 'on', 'y']) expect(envFlag(yes), yes).toBe(true);
    expect(withEnvDefaults({}, {BTALK_SANDBOX: 'no', BTALK_DEBUG: 'off'})).toMatchObject({sandbox: false, debug: false});
    // A debug file, chosen by flag or variable, turns debugging on.
    expect(withEnvDefaults({}, {BTALK_DEBUG_FILE: 'x.log'})).toMatchObject({debug: true, debugFile: 'x.log'});
    expect(withEnvDefaults({debugFile: 'y.log'}, {BTALK_DEBUG_FILE: 'x.log'})).toMatchObject({debug: true, debugFile: 'y.log'});
    expect(withEnvDefaults({}, {})).not.toHaveProperty('debugFile');
    expect(mergeOrderOptions({}, {BTALK_YES: 'no', BTALK_DRY_RUN: '1'})).toMatchObject({yes: false, dryRun: true});
  });

  it('applying the defaults twice (command, then session) changes nothing', () => {
    const once = withEnvDefaults({env: 'orange'}, {BTALK_BASE_URL: EMULATOR_URL, BTALK_PROFILE: 'p'});
    expect(withEnvDefaults(once, {BTALK_BASE_URL: EMULATOR_URL, BTALK_PROFILE: 'p'})).toEqual(once);
  });

  it('a session opened with --env orange talks to Orange production, not to the URL in BTALK_BASE_URL', async () => {
    const setup = await testSessions({env: {BTALK_BASE_URL: EMULATOR_URL}});
    const session = await setup.factory.open(commandContext(setup, {env: 'orange'}).globals());
    expect(session.environment).toEqual({name: 'orange', baseUrl: 'https://api.orange.com/btalk/v1'});
    const plain = await setup.factory.open(commandContext(setup).globals());
    expect(plain.environment).toEqual({name: 'custom', baseUrl: EMULATOR_URL});
  });
});
