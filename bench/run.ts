/**
 * `npm run bench`: every figure as a ratio against a reference measured in the same run. Nothing
 * is asserted (speed belongs here, not in tests). Its own composition root, so it reads process.*.
 * On Linux with gnome-keyring and D-Bus installed it re-runs itself inside a private Secret Service
 * (a temporary HOME), so the cached-token figure uses a real keychain; nothing of the person's
 * keychain is touched. `--quick` takes fewer runs; `--only=startup,terminal,order,batch` some parts.
 */
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {startEmulator} from '../src/emulator/server.js';
import {batchBench} from './batch.js';
import {orderBench} from './order.js';
import {hasScript} from './pty.js';
import {startupBench} from './startup.js';
import {summaryTable} from './stats.js';
import {terminalBench} from './terminal.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], {stdio: 'ignore'}).status === 0;

async function main(keychain: boolean): Promise<void> {
  const quick = process.argv.includes('--quick');
  // --only=order,batch runs those parts alone (startup, terminal, order, batch).
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const wanted = (part: string) => only === undefined || only.includes(part);
  const runs = quick ? 3 : 7;
  const home = mkdtempSync(path.join(tmpdir(), 'btalk-bench-home-'));
  const baseEnv: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'] ?? home,
    NO_COLOR: '1',
    CI: 'false',
    BTALK_CONFIG_DIR: path.join(home, 'config'),
    ...(process.env['DBUS_SESSION_BUS_ADDRESS'] ? {DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS']} : {}),
  };
  process.stdout.write(`btalk benchmark: node ${process.version}, ${process.platform}, ${(await import('node:os')).cpus().length} CPUs, load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}\n`);
  const emulator = await startEmulator({port: 0});
  try {
    if (wanted('startup')) await startupBench(emulator, baseEnv, runs);
    if (!wanted('terminal')) {
      // skipped on request
    } else if (hasScript()) await terminalBench(emulator, baseEnv, quick ? 3 : 5);
    else process.stdout.write('\n(pseudo-terminal figures skipped: util-linux `script` is not installed)\n');
    if (!wanted('order')) {
      // skipped on request
    } else if (has('curl')) await orderBench(emulator, baseEnv, quick ? 3 : 5, 200, keychain);
    else process.stdout.write('\n(order figures skipped: curl is not installed)\n');
    if (wanted('batch')) await batchBench(emulator, baseEnv, 1000, 100, 8);
  } finally {
    await emulator.close();
  }
  process.stdout.write(`\nSummary\n${summaryTable()}\n`);
}

if (!process.env['BTALK_BENCH_KEYCHAIN'] && process.platform === 'linux' && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const home = mkdtempSync(path.join(tmpdir(), 'btalk-bench-keyring-'));
  const inner = 'printf btalk-bench-unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0" "$@"';
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', inner, process.execPath, ...process.argv.slice(1)], {
    stdio: ['ignore', 'inherit', 'pipe'],
    env: {...process.env, HOME: home, BTALK_BENCH_KEYCHAIN: '1'},
  });
  // dbus-daemon's notes about fd limits are noise; anything else is shown.
  child.stderr.on('data', (c: Buffer) => {
    const text = c.toString().split('\n').filter((l) => l && !l.includes('dbus-daemon')).join('\n');
    if (text) process.stderr.write(`${text}\n`);
  });
  child.on('close', (code) => process.exit(code ?? 1));
} else {
  await main(process.env['BTALK_BENCH_KEYCHAIN'] === '1');
}
