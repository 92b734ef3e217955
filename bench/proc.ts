/** Whole btalk processes, timed as a script or a person at a prompt pays for them. */
import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/** dist/cli.js, beside this bundle's folder (dist/bench/run.js). */
export const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
/** dist/bench/ink-floor.js: Ink and React drawing one list, nothing else (bench/ink-floor.tsx). */
export const INK_FLOOR = fileURLToPath(new URL('./ink-floor.js', import.meta.url));
/** dist/bench/reads-floor.js: Ink, the emulator's thread and the VPN list's four reads, no btalk code (bench/reads-floor.tsx). */
export const READS_FLOOR = fileURLToPath(new URL('./reads-floor.js', import.meta.url));

export interface ProcessResult {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export function timeProcess(file: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = execFile(file, args, {env, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
      const code = error ? (typeof (error as {code?: unknown}).code === 'number' ? ((error as {code: number}).code) : null) : 0;
      resolve({ms: performance.now() - started, code, stdout, stderr});
    });
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

export const btalk = (args: string[], env: NodeJS.ProcessEnv, input?: string) => timeProcess(process.execPath, [CLI, ...args], env, input);

/** A bare Node start: what no Node program can beat. */
export const bareNode = (env: NodeJS.ProcessEnv) => timeProcess(process.execPath, ['-e', 'console.log(1)'], env);

/** Runs `make` `runs` times and returns every time; fails loudly on an unexpected exit code. */
export async function repeat(runs: number, make: (i: number) => Promise<ProcessResult>, expectCode = 0): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await make(i);
    if (r.code !== expectCode) throw new Error(`exit ${r.code} (expected ${expectCode}): ${r.stderr.slice(-600)}`);
    times.push(r.ms);
  }
  return times;
}
