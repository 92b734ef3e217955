#!/usr/bin/env node
/**
 * Composition root: the only module that reads process.*. It builds the Runtime, runs the program
 * (src/program.ts) and sets the process exit code (table in src/errors.ts, documented in README).
 */
// Bundled into dist/cli.js at build time: nothing is read from disk to answer --version.
import {closeSync, existsSync, fstatSync, openSync} from 'node:fs';
import {isatty} from 'node:tty';
import {fileURLToPath} from 'node:url';
import packageJson from '../package.json' with {type: 'json'};
import {embeddedEmulatorLikely, startingAhead} from './emulator/warmup.js';
import {EXIT_CODES, interruptedExitCode, INTERRUPT_SIGNALS, type InterruptSignal} from './errors.js';
import {holdEarlyInput, type EarlyInput} from './early-input.js';
import {releaseLostTerminals, type StdioProbe} from './lost-terminal.js';
import {clearedBeforeWrite, prepaintWizard, runsLoginForm} from './prepaint.js';
import {keychainLikely, keychainReadsAhead} from './secrets/keyring-warmup.js';
import {KEYCHAIN_SERVICE} from './secrets/types.js';
import type {Runtime} from './runtime.js';
import {systemTimers} from './timers.js';

function processRuntime(): Runtime {
  return {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    cwd: process.cwd(),
    platform: process.platform,
    clock: () => Date.now(),
    random: Math.random,
    timers: systemTimers,
    onInterrupt(handler) {
      // SIGTERM (a CI timeout, kill) and SIGHUP (a closed SSH session) are interrupts like Ctrl+C.
      const on = (signal: InterruptSignal) => {
        received ??= signal;
        handler(signal);
      };
      // A terminal that went away ends the wizard's read from it, often before the SIGHUP the
      // shell passes on arrives (and with no shell to pass it on, instead of it): one hang-up,
      // told once. Ctrl+D in line mode ends the read too, but its terminal is still there.
      let hungUp = false;
      const hangUp = () => {
        if (hungUp) return;
        hungUp = true;
        // The shell's SIGHUP may still come once this handler is gone (the run ending): it is
        // this same hang-up, and must not kill the process halfway through its last writes.
        if (!lateHangUpIgnored) {
          lateHangUpIgnored = true;
          process.on('SIGHUP', () => undefined);
        }
        on('SIGHUP');
      };
      let registered = true;
      const readEnded = () => {
        if (registered && !isatty(0)) hangUp();
      };
      const listeners = INTERRUPT_SIGNALS.map((signal) => [signal, signal === 'SIGHUP' ? hangUp : () => on(signal)] as const);
      for (const [signal, listener] of listeners) process.on(signal, listener);
      const watchesRead = process.stdin.isTTY === true;
      if (watchesRead) {
        process.stdin.on('end', readEnded);
        // Gone before this handler came (the first frame's hold read its end): the same hang-up.
        if (process.stdin.readableEnded) setImmediate(readEnded);
      }
      return () => {
        registered = false;
        for (const [signal, listener] of listeners) process.off(signal, listener);
        if (watchesRead) process.stdin.off('end', readEnded);
      };
    },
    version: packageJson.version,
    nodeVersion: process.versions.node,
  };
}

/**
 * The head start's code: in the bundle, one file of its own beside this one (dist/head-start.js,
 * everything it uses inlined), so it loads in one read instead of a handful of shared chunks.
 */
function headStartModule(): Promise<typeof import('./token-head-start.js')> {
  const own = new URL('./head-start.js', import.meta.url);
  if (own.protocol === 'file:' && existsSync(fileURLToPath(own))) return import(own.href) as Promise<typeof import('./token-head-start.js')>;
  return import('./token-head-start.js');
}

/** The first interrupting signal a command handled: it decides the exit code (130, 143, 129). */
let received: InterruptSignal | undefined;

/** Whether a SIGHUP after the run's hang-up is taken (and ignored) until the process ends. */
let lateHangUpIgnored = false;

/** Keys typed after the wizard's first frame, held (raw mode) until its key stream takes them. */
let earlyInput: EarlyInput | undefined;

/**
 * Run as the process ends, before a signal is sent again to end it, and once the terminal is found
 * gone: a standard descriptor whose terminal went away during the run (an SSH session dropped)
 * gets /dev/null in its place, so Node's own terminal restore does not abort the exit
 * (src/lost-terminal.ts).
 */
const stdio: StdioProbe = {
  isatty,
  isCharacterDevice: (fd) => fstatSync(fd).isCharacterDevice(),
  replaceWithNull(fd) {
    closeSync(fd);
    // The lowest free descriptor: `fd` itself, just closed.
    const opened = openSync('/dev/null', fd === 0 ? 'r' : 'w');
    if (opened !== fd) closeSync(opened);
  },
};
const releaseLost = (): void => {
  if (process.platform !== 'win32') releaseLostTerminals(stdio);
};
process.on('exit', releaseLost);
// A signal that Node handles itself (SIGTERM or SIGINT to a command with no handler of its own:
// status, voicesites... after an SSH session ended) restores the terminal without an 'exit'
// event: a terminal gone is looked for once a second, and its descriptors released when it is.
// The check is an ioctl; the timer never keeps the process alive.
if (process.platform !== 'win32' && isatty(1)) {
  const watch = setInterval(() => {
    if (isatty(1)) return;
    clearInterval(watch);
    releaseLost();
  }, 1000);
  watch.unref();
}

function holdKeys(): EarlyInput | undefined {
  return holdEarlyInput(process.stdin, {
    // As the terminal does: to the whole process group (the keyring helper too).
    raise: (signal) => process.kill(process.platform === 'win32' ? process.pid : 0, signal),
    resend: (signal) => {
      releaseLost();
      process.kill(process.pid, signal);
    },
    on: (event, listener) => process.on(event, listener),
    off: (event, listener) => process.off(event, listener),
    listenerCount: (event) => process.listenerCount(event),
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // The version alone needs none of the command tree (a script may ask it on every run).
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${packageJson.version}\n`);
    return EXIT_CODES.ok;
  }
  const runtime = processRuntime();
  // `btalk order` with credentials from the environment: its token request goes on the wire now,
  // and the command tree, got and zod load during its round trip (src/token-head-start.ts).
  const headStart = args.includes('order')
    ? headStartModule()
        .then((m) => m.startHeadStart(args, runtime.env, runtime.interactive, runtime.version, process.versions))
        .catch(() => undefined)
    : undefined;
  // The keyring helper is a second Node: started now, it boots on another core while the command
  // tree, the HTTP client and zod load here, instead of after them (secrets/keyring-warmup.ts).
  const keyring = keychainLikely(args, runtime.env) ? import('./secrets/keyring-process.js') : undefined;
  // The wizard's first frame goes up now; the command tree, the HTTP client and Ink load behind it.
  const prepaint = prepaintWizard(args, runtime.env, runtime.stdout, runtime.interactive);
  if (prepaint) {
    runtime.prepaint = prepaint;
    runtime.stderr = clearedBeforeWrite(runtime.stderr, prepaint, runtime.stdout);
    // From this frame on, a key typed is not echoed by the terminal: it waits for the wizard.
    runtime.earlyInput = earlyInput = holdKeys();
  } else if (runsLoginForm(args, runtime.env, runtime.interactive)) {
    // `btalk login`'s form takes a pasted secret: from now on the terminal does not echo it while
    // the form loads, and the form gets it.
    runtime.earlyInput = earlyInput = holdKeys();
  }
  // The embedded emulator runs in a worker thread when the bundle carries its entry beside this
  // file (from source, it runs in-process); `--sandbox` starts it now, on the second core.
  const emulatorEntry = new URL('./emulator-worker.cjs', import.meta.url);
  if (emulatorEntry.protocol === 'file:' && existsSync(fileURLToPath(emulatorEntry))) {
    const inWorker = import('./emulator/in-worker.js');
    const start = async (options?: {port?: number}) => (await inWorker).startEmulatorInWorker(emulatorEntry, options);
    runtime.startEmulator = startingAhead(start, embeddedEmulatorLikely(args, runtime.env) ? start() : undefined);
  }
  if (keyring) {
    const helper = (await keyring).processKeyringBackend({platform: runtime.platform});
    try {
      helper.start();
      // The secrets and the cached token the session reads first, asked for now.
      helper.readAhead(KEYCHAIN_SERVICE, keychainReadsAhead(args, runtime.env));
    } catch {
      // No keyring library here: the first keychain call says so, as a keychain error.
    }
    runtime.keyringHelper = helper;
  }
  // The token request goes on the wire before the command tree is compiled: that compile holds the
  // main thread for several milliseconds, and the request's bytes leave only when the event loop
  // turns (on loopback the connect is done by the next turn; a distant server answers long after
  // the command tree has loaded either way).
  const sent = await headStart;
  if (sent) await new Promise<void>((resolve) => setImmediate(resolve));
  const {buildProgram, CommanderError} = await import('./program.js');
  const early = sent;
  if (early) runtime.headStart = early;
  const {program, exitCode} = buildProgram(runtime);
  try {
    await program.parseAsync(process.argv);
    return exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; unknown options and arguments are usage errors.
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    throw error;
  } finally {
    // Not taken (the run stopped before its first token request): dropped, not left to keep the process alive.
    early?.discard();
  }
}

// `btalk voicesites --json | head` closes the pipe early: that is the reader's choice, not an error.
// After a hang-up the terminal is gone: what is left to do (a batch's results file) still runs.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // EIO: the terminal is gone; nothing more reaches it, and Node must not restore it.
    if (error.code === 'EIO') releaseLost();
    if (received !== undefined || error.code === 'EIO') return;
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT_CODES.ok);
    throw error;
  });
}

const result = await main();
earlyInput?.end();
const code = result === EXIT_CODES.interrupted && received !== undefined ? interruptedExitCode(received) : result;
process.exitCode = code;
// A native keychain call stuck past its deadline must not keep the process alive once the command
// is done. The timer is unref'd, so a normal exit never waits for it.
setTimeout(() => process.exit(code), 2000).unref();
