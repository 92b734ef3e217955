/**
 * A real pseudo-terminal without native modules: util-linux `script` runs the command on a pty
 * (80x24) and relays bytes both ways, so times are taken on events (bytes arriving), not by
 * polling a screen.
 */
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {readFileSync} from 'node:fs';

// CSI/OSC/charset/keypad sequences: what is left is the text a person sees.
const ESCAPES = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007]*\u0007|\u001B[()][A-Z0-9]|\u001B[=>78]/g;
export const visible = (raw: string): string => raw.replace(ESCAPES, '');

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface PtyRun {
  started: number;
  /** Resolves with the time (ms since start) when the visible output since the last mark matches. */
  waitFor(test: RegExp, timeoutMs?: number): Promise<number>;
  /** Everything printed since the last mark. */
  mark(): void;
  /** Writes keys to the terminal. */
  send(keys: string): void;
  /** Peak resident memory (VmHWM) of the deepest process under the pty, in MB. */
  peakRssMb(): number | undefined;
  close(): Promise<number | null>;
}

export function hasScript(): boolean {
  return spawnSync('script', ['--version'], {stdio: 'ignore'}).status === 0;
}

function descendants(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.flatMap((c) => [c, ...descendants(c)]);
  } catch {
    return [];
  }
}

export function runInPty(argv: string[], env: NodeJS.ProcessEnv): PtyRun {
  const started = performance.now();
  const child: ChildProcessWithoutNullStreams = spawn('script', ['-qfec', `stty cols 80 rows 24 2>/dev/null; exec ${argv.map(quote).join(' ')}`, '/dev/null'], {
    env: {TERM: 'xterm-256color', ...env},
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let all = '';
  let sinceMark = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    all += text;
    sinceMark += text;
    if (all.length > 4_000_000) all = all.slice(-1_000_000);
    for (const l of [...listeners]) l();
  });
  child.stderr.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    started,
    mark() {
      sinceMark = '';
    },
    waitFor(test, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (test.test(visible(sinceMark))) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(performance.now() - started);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`never showed ${String(test)}; last output: ${visible(all).slice(-400)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    send(keys) {
      child.stdin.write(keys);
    },
    peakRssMb() {
      const pids = child.pid === undefined ? [] : descendants(child.pid);
      const node = pids[pids.length - 1];
      if (node === undefined) return undefined;
      try {
        const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${node}/status`, 'utf8'))?.[1];
        return kb === undefined ? undefined : Number(kb) / 1024;
      } catch {
        return undefined;
      }
    },
    async close() {
      child.stdin.write('\u0003');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
