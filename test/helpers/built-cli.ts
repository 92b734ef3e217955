/**
 * Runs the built CLI (dist/cli.js, from `npm run build`) in a child process, as a person or a
 * script would: its own HOME and config folder under `cwd`, only PATH taken from this process,
 * and the output kept as bytes (for tests of what reaches a terminal) and as text.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const BUILT_CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
  stderrBytes: Buffer;
  /** From the spawn to the child's exit. */
  ms: number;
}

export interface CliRunOptions {
  /** The working folder; HOME and BTALK_CONFIG_DIR (cwd/config) are made from it. */
  cwd: string;
  /** Added to (or replacing) PATH, HOME and BTALK_CONFIG_DIR. */
  env?: Record<string, string>;
  /** Node options before the CLI (e.g. `--import` of a reporter). */
  nodeArgs?: string[];
  /** 'ignore' (default): stdin is /dev/null; 'closed': a pipe ended at once. */
  stdin?: 'ignore' | 'closed';
  /** Written to stdin (a pipe), then the pipe is ended; takes the place of `stdin`. */
  input?: string;
  /** Called after each chunk of output with everything so far, e.g. to signal the child. */
  watch?: (output: {stdout: string; stderr: string}, child: ChildProcess) => void;
  /** Called with the child as soon as it is spawned, e.g. to signal it on a condition outside its output. */
  onSpawn?: (child: ChildProcess) => void;
}

export function runBuiltCli(args: readonly string[], options: CliRunOptions): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BUILT_CLI, ...args], {
      cwd: options.cwd,
      env: {PATH: process.env['PATH'] ?? '', HOME: options.cwd, BTALK_CONFIG_DIR: path.join(options.cwd, 'config'), ...options.env},
      stdio: [options.stdin === 'closed' || options.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    options.onSpawn?.(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const text = () => ({stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')});
    const take = (into: Buffer[]) => (chunk: Buffer) => {
      into.push(chunk);
      options.watch?.(text(), child);
    };
    child.stdout?.on('data', take(out));
    child.stderr?.on('data', take(err));
    child.stdin?.end(options.input);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({code, signal, ...text(), stdoutBytes: Buffer.concat(out), stderrBytes: Buffer.concat(err), ms: Date.now() - started});
    });
  });
}
