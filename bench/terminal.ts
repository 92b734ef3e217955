/**
 * The wizard in a real pseudo-terminal (bench/pty.ts): first visible text, first screen that takes
 * keys, list readiness with 10,000 VPNs, keystroke to frame on that list, and peak RSS.
 * References are measured in the same run: a bare `node -e` in the same pty, the same wizard on a
 * two-VPN account.
 */
import type {RunningEmulator} from '../src/emulator/types.js';
import {CLI, INK_FLOOR, READS_FLOOR} from './proc.js';
import {runInPty} from './pty.js';
import {median, ms, quantile, report, section} from './stats.js';

const pause = (n: number) => new Promise((r) => setTimeout(r, n));

async function timeInPty(argv: string[], env: NodeJS.ProcessEnv, marks: RegExp[]): Promise<number[]> {
  const run = runInPty(argv, env);
  try {
    const times: number[] = [];
    for (const mark of marks) times.push(await run.waitFor(mark));
    return times;
  } finally {
    await run.close();
  }
}

export async function terminalBench(emulator: RunningEmulator, baseEnv: NodeJS.ProcessEnv, runs: number): Promise<void> {
  section(`The wizard in a pseudo-terminal (80x24, util-linux script; median of ${runs} runs, interleaved)`);
  const bare: number[] = [];
  const first: number[] = [];
  const interactive: number[] = [];
  const floor: number[] = [];
  const plainReads: number[] = [];
  const workerReads: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(...(await timeInPty([process.execPath, '-e', 'console.log(1)'], baseEnv, [/1/])));
    floor.push(...(await timeInPty([process.execPath, INK_FLOOR], baseEnv, [/My VPN 1/])));
    plainReads.push(...(await timeInPty([process.execPath, READS_FLOOR, 'plain'], baseEnv, [/My VPN 1/])));
    workerReads.push(...(await timeInPty([process.execPath, READS_FLOOR, 'worker'], baseEnv, [/My VPN 1/])));
    // --sandbox: the embedded emulator and its demo account (one customer: the VPN list is the first question).
    const [text, list] = await timeInPty([process.execPath, CLI, '--sandbox'], baseEnv, [/\S/, /My VPN 1/]);
    first.push(text!);
    interactive.push(list!);
  }
  const reference = median(bare);
  report({name: 'bare node start in the pty', value: ms(reference)});
  const firstRatio = median(first) / reference;
  report({name: 'btalk --sandbox: first visible text', value: ms(median(first)), reference: 'bare node', ratio: firstRatio, goal: '<= 2x', met: firstRatio <= 2});
  const listRatio = median(interactive) / reference;
  report({name: 'btalk --sandbox: first screen that takes keys (VPN list)', value: ms(median(interactive)), reference: 'bare node', ratio: listRatio, goal: '<= 4x', met: listRatio <= 4});
  // Not a goal: what Ink and React alone cost before their first frame, the same way measured.
  report({name: 'bare Ink app (Ink and React, one list): first frame', value: ms(median(floor)), reference: 'bare node', ratio: median(floor) / reference});
  report({name: 'btalk --sandbox: first screen that takes keys, against the bare Ink app', value: ms(median(interactive)), reference: `Ink app: ${ms(median(floor))}`, ratio: median(interactive) / median(floor)});
  // Not goals either: what that screen costs with none of btalk's code (bench/reads-floor.tsx):
  // Ink, the emulator's thread and the list's four reads over bare node:http; the same with the
  // reads made by got and zod in a worker thread of their own.
  report({name: 'floor: Ink + emulator thread + the 4 reads over bare node:http', value: ms(median(plainReads)), reference: 'bare node', ratio: median(plainReads) / reference});
  report({name: 'floor: the same, the reads by got + zod in a worker thread', value: ms(median(workerReads)), reference: 'bare node', ratio: median(workerReads) / reference});

  // Against the emulator in this process, credentials from the environment (no keychain call): the
  // wizard's process holds btalk alone, so its RSS below is btalk's, not the emulator's lists.
  const envFor = (account: {clientId: string; clientSecret: string; apiKey: string}) => ({
    ...baseEnv,
    BTALK_BASE_URL: emulator.baseUrl,
    BTALK_CLIENT_ID: account.clientId,
    BTALK_CLIENT_SECRET: account.clientSecret,
    BTALK_API_KEY: account.apiKey,
  });
  const small: number[] = [];
  const large: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < runs; i++) {
    small.push(...(await timeInPty([process.execPath, CLI], envFor(emulator.accounts.demo), [/My VPN 1/])));
    // The list shows (and takes keys) from its first page on; the count says when every page is in.
    const [shown, all] = await timeInPty([process.execPath, CLI], envFor(emulator.accounts.large), [/Large VPN 00001/, /10,000 of 10,000 VPNs/]);
    large.push(shown!);
    whole.push(all!);
  }
  const largeRatio = median(large) / median(small);
  report({
    name: 'start to VPN list, 10,000 VPNs (5,000 sites)',
    value: ms(median(large)),
    reference: `2 VPNs: ${ms(median(small))}`,
    ratio: largeRatio,
    goal: '<= 1.2x',
    met: largeRatio <= 1.2,
  });
  report({name: 'start to the whole 10,000-VPN list in (every page)', value: ms(median(whole)), reference: `2 VPNs: ${ms(median(small))}`, ratio: median(whole) / median(small)});

  // Keys on the 10,000-VPN list, one at a time as a person types them: arrows, then a filter typed
  // and erased. Each is timed from the byte written to the frame that shows its effect.
  process.stdout.write('  (the emulator runs in this benchmark process: the RSS below is the wizard\'s process alone)\n');
  const run = runInPty([process.execPath, CLI], envFor(emulator.accounts.large));
  const samples: number[] = [];
  try {
    // The keys are timed on the whole list (the count says so once every page is in).
    await run.waitFor(/10,000 of 10,000 VPNs/);
    await pause(500);
    const key = async (bytes: string, shows: RegExp) => {
      run.mark();
      const sent = performance.now();
      run.send(bytes);
      await run.waitFor(shows, 10_000);
      samples.push(performance.now() - sent);
      await pause(60);
    };
    for (let round = 0; round < 3; round++) {
      for (let k = 2; k <= 9; k++) await key('\u001B[B', new RegExp(`› Large VPN 0000${k}`));
      for (let k = 8; k >= 1; k--) await key('\u001B[A', new RegExp(`› Large VPN 0000${k}`));
      await key('1', /Filter: 1 /);
      await key('2', /Filter: 12 /);
      await key('3', /Filter: 123 /);
      await key('\u007F', /Filter: 12 /);
      await key('\u007F', /Filter: 1 /);
      await key('\u007F', /10,000 of 10,000/);
    }
  } finally {
    const peak = run.peakRssMb();
    await run.close();
    const p50 = median(samples);
    const p95 = quantile(samples, 0.95);
    report({name: `keystroke to frame, 10,000 VPNs (${samples.length} keys): median`, value: ms(p50), goal: '< 16 ms', met: p50 < 16});
    report({name: 'keystroke to frame, 10,000 VPNs: p95', value: ms(p95), goal: '< 34 ms', met: p95 < 34});
    report({
      name: 'wizard peak RSS, 10,000 VPNs (after the keys)',
      value: peak === undefined ? 'n/a (needs /proc)' : `${peak.toFixed(0)} MB`,
      ...(peak === undefined ? {} : {goal: '<= 100 MB', met: peak <= 100}),
    });
  }
}
