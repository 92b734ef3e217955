/**
 * The native keyring library, run in a child process of its own. Why: a Secret Service call that
 * waits for an unlock prompt nobody will answer blocks one of libuv's worker threads, and Node's
 * exit joins those threads, so a btalk that gave up on the keychain after its 3 s deadline would
 * still never exit (seen with a locked gnome-keyring: the error printed, then the process hung).
 * A child can be killed: on a deadline or cancel the child goes, with whatever it was stuck in,
 * and the next call starts a fresh one. Secrets travel over the child's stdin/stdout pipes, never
 * argv or files. The child dies with the pipe when btalk exits.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {createRequire} from 'node:module';
import {createInterface} from 'node:readline';
import type {KeyringBackend} from './keychain-store.js';

/** Runs in the child: one JSON request per stdin line, one JSON answer per stdout line. */
const CHILD = `
import {createInterface} from 'node:readline';
import {pathToFileURL} from 'node:url';
const [modulePath, platform] = process.argv.slice(1);
// Killed rather than exited: a normal exit would wait for a stuck call, which is the whole point.
const die = () => process.kill(process.pid, 'SIGKILL');
const send = (m) => process.stdout.write(JSON.stringify(m) + '\\n');
let lib;
try {
  lib = await import(pathToFileURL(modulePath).href);
} catch (e) {
  send({id: 0, ok: false, message: 'cannot load the keyring library: ' + (e && e.message ? e.message : String(e))});
  die();
}
const options = platform === 'linux' ? {linux: {store: 'secret-service'}} : undefined;
createInterface({input: process.stdin}).on('line', async (line) => {
  const r = JSON.parse(line);
  try {
    let value = null;
    if (r.op === 'list') value = [...new Set((await lib.findCredentialsAsync(r.service)).map((c) => c.account))];
    else {
      const entry = new lib.AsyncEntry(r.service, r.account, options);
      if (r.op === 'get') value = (await entry.getPassword()) ?? null;
      else if (r.op === 'set') await entry.setPassword(r.password);
      else value = await entry.deletePassword();
    }
    send({id: r.id, ok: true, value});
  } catch (e) {
    send({id: r.id, ok: false, message: e && e.message ? e.message : String(e)});
  }
}).on('close', die);
`;

type Request = {op: 'get'; service: string; account: string} | {op: 'set'; service: string; account: string; password: string} | {op: 'delete'; service: string; account: string} | {op: 'list'; service: string};

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface KeyringProcessOptions {
  platform: NodeJS.Platform;
  /** The module the child imports; tests point it at a fake keyring. */
  modulePath?: string;
  /** The Node binary; the one running btalk by default. */
  execPath?: string;
  /** The child's environment (btalk's own by default); tests point it at a D-Bus bus of their own. */
  env?: NodeJS.ProcessEnv;
}

/** The keyring library's main file, resolved from here so the child finds it wherever btalk runs. */
function keyringModulePath(): string {
  return createRequire(import.meta.url).resolve('@napi-rs/keyring');
}

export interface ProcessKeyringBackend extends KeyringBackend {
  /** The child's pid while one runs (tests check that a stuck one was killed). */
  pid(): number | undefined;
  /**
   * Starts the child now, before any call: its Node start and library load (a tenth of a second
   * or more) then overlap the parent's own loading. Idle, it does not keep btalk alive.
   */
  start(): void;
  /**
   * Asks for these items now (cli.tsx, as the run begins: secrets/keyring-warmup.ts names them),
   * so the answers come back while btalk loads. The first getPassword of each takes its answer;
   * a set or delete of it first drops it. Not yet asked for, they keep nothing alive.
   */
  readAhead(service: string, accounts: readonly string[]): void;
}

export function processKeyringBackend(options: KeyringProcessOptions): ProcessKeyringBackend {
  let child: ChildProcessWithoutNullStreams | undefined;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let childError = '';

  function kill(reason: string): void {
    const current = child;
    child = undefined;
    if (!current) return;
    current.kill('SIGKILL');
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new Error(reason));
    }
  }

  // Idle, the child must not keep btalk alive; busy, it must (the deadline timer is unref'd).
  function holdOpen(busy: boolean): void {
    const method = busy ? 'ref' : 'unref';
    if (!child) return;
    child[method]();
    for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as {[k: string]: (() => void) | undefined})[method]?.();
  }

  function start(): ChildProcessWithoutNullStreams {
    const spawned = spawn(options.execPath ?? process.execPath, ['--input-type=module', '-e', CHILD, options.modulePath ?? keyringModulePath(), options.platform], {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.env ? {env: options.env} : {}),
    });
    childError = '';
    spawned.stderr.on('data', (c: Buffer) => (childError = (childError + c.toString()).slice(-500)));
    spawned.on('error', (e) => kill(`the keyring helper could not start: ${e.message}`));
    spawned.on('close', () => {
      if (child === spawned) kill(`the keyring helper stopped${childError.trim() ? `: ${childError.trim().split('\n').pop()}` : ''}`);
    });
    createInterface({input: spawned.stdout}).on('line', (line) => {
      let answer: {id: number; ok: boolean; value?: unknown; message?: string};
      try {
        answer = JSON.parse(line) as typeof answer;
      } catch {
        return;
      }
      if (answer.id === 0) {
        childError = answer.message ?? childError;
        return;
      }
      const p = pending.get(answer.id);
      if (!p) return;
      pending.delete(answer.id);
      if (pending.size === 0) holdOpen(false);
      if (answer.ok) p.resolve(answer.value);
      else p.reject(new Error(answer.message ?? 'keyring error'));
    });
    return spawned;
  }

  function ensureStarted(): ChildProcessWithoutNullStreams {
    if (child) return child;
    child = start();
    holdOpen(false);
    return child;
  }

  /** `signal` undefined: a read ahead, which holds nothing open until it is taken. */
  function send<T>(request: Request, signal: AbortSignal | undefined): {answer: Promise<T>; id: number} {
    const id = nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(new Error('cancelled'));
      const current = ensureStarted();
      pending.set(id, {resolve: resolve as (v: unknown) => void, reject});
      if (signal) watch(signal);
      current.stdin.write(JSON.stringify({id, ...request}) + '\n');
    });
    return {answer, id};
  }

  /** The call is awaited: the child stays referenced, and a call past its deadline ends it. */
  function watch(signal: AbortSignal): void {
    holdOpen(true);
    // A call past its deadline is stuck in the library: end the child, and the call with it.
    signal.addEventListener('abort', () => kill('the keyring helper was stopped after its deadline'), {once: true});
  }

  const call = <T>(request: Request, signal: AbortSignal): Promise<T> => send<T>(request, signal).answer;

  const ahead = new Map<string, {answer: Promise<string | null>; id: number; failed?: boolean}>();
  const key = (service: string, account: string) => `${service}\n${account}`;

  return {
    getPassword(service, account, signal) {
      const read = ahead.get(key(service, account));
      // A read ahead that already failed (the helper stopped, say) is asked again, as now.
      if (!read || read.failed) return call<string | null>({op: 'get', service, account}, signal);
      ahead.delete(key(service, account));
      if (signal.aborted) return Promise.reject(new Error('cancelled'));
      // Still on its way: from now on it is awaited like any call.
      if (pending.has(read.id)) watch(signal);
      return read.answer;
    },
    setPassword(service, account, password, signal) {
      ahead.delete(key(service, account));
      return call<void>({op: 'set', service, account, password}, signal);
    },
    deletePassword(service, account, signal) {
      ahead.delete(key(service, account));
      return call<boolean>({op: 'delete', service, account}, signal);
    },
    readAhead(service, accounts) {
      for (const account of accounts) {
        if (ahead.has(key(service, account))) continue;
        const read: {answer: Promise<string | null>; id: number; failed?: boolean} = send<string | null>({op: 'get', service, account}, undefined);
        read.answer.catch(() => (read.failed = true));
        ahead.set(key(service, account), read);
      }
    },
    findAccounts: (service, signal) => call<string[]>({op: 'list', service}, signal),
    pid: () => child?.pid,
    start: () => void ensureStarted(),
  };
}
