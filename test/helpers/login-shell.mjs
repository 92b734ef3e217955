/**
 * A login shell's part in a hang-up, for the terminal tests: run as the terminal's first process
 * (its session leader), it runs one job and, when the terminal goes away, passes the SIGHUP it gets
 * on to that job, as bash does for its jobs (with --keeps-hup it does not, as `nohup`-like
 * wrappers and shells that ignore SIGHUP do not). The job's stdin and stdout are the terminal; its
 * stderr goes to the terminal too and is kept: how the job ended is written to `out` as JSON,
 * {code, signal, stderr}; the job's pid goes to `out`.pid as it starts.
 *
 * usage: node login-shell.mjs <out.json> [--keeps-hup] <command> [args...]
 */
import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';

const [out, ...rest] = process.argv.slice(2);
const keepsHup = rest[0] === '--keeps-hup';
const [command, ...args] = keepsHup ? rest.slice(1) : rest;
const job = spawn(command, args, {stdio: ['inherit', 'inherit', 'pipe']});
writeFileSync(`${out}.pid`, String(job.pid));
let stderr = '';
// Once the terminal is gone, writing to it fails (EIO): the record is what is left.
process.stderr.on('error', () => undefined);
job.stderr.setEncoding('utf8').on('data', (chunk) => {
  stderr += chunk;
  process.stderr.write(chunk);
});
process.on('SIGHUP', () => {
  if (!keepsHup) job.kill('SIGHUP');
});
job.on('close', (code, signal) => {
  writeFileSync(out, JSON.stringify({code, signal, stderr}));
  // This process's own terminal is gone too, and Node 20 aborts restoring it as it exits: the
  // record is written, nothing else is left to do.
  process.kill(process.pid, 'SIGKILL');
});
