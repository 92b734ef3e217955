/**
 * Helpers for the tests against a real Secret Service: a short probe (does one answer here?),
 * `secret-tool` as an independent reader of the keyring, and a binary-safe search of a folder
 * tree for plaintext secret values.
 */
import {execFile} from 'node:child_process';
import {readdir, readFile, lstat} from 'node:fs/promises';
import path from 'node:path';
import {createKeychainStore} from '../../src/secrets/keychain-store.js';

export interface KeychainProbe {
  available: boolean;
  reason: string;
}

/** Asks the real keychain for an account that does not exist, with a short deadline. */
export async function probeKeychain(): Promise<KeychainProbe> {
  if (process.platform === 'linux' && !process.env['DBUS_SESSION_BUS_ADDRESS']) {
    return {available: false, reason: 'DBUS_SESSION_BUS_ADDRESS is not set (no D-Bus session)'};
  }
  try {
    await createKeychainStore({platform: process.platform, deadlineMs: 1500}).get('btalk-probe:none');
    return {available: true, reason: 'a Secret Service answered'};
  } catch (thrown) {
    return {available: false, reason: thrown instanceof Error ? thrown.message : String(thrown)};
  }
}

/** `secret-tool search --all service btalk`, stdout and stderr together (it splits them oddly). */
export function secretToolSearch(service = 'btalk'): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('secret-tool', ['search', '--all', 'service', service], {timeout: 5000}, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') reject(new Error('secret-tool is not installed (apt-get install libsecret-tools)'));
      else resolve(`${stdout}\n${stderr}`);
    });
  });
}

/** The `attribute.username = ...` values secret-tool printed. */
export function accountsIn(secretToolOutput: string): string[] {
  return [...secretToolOutput.matchAll(/^attribute\.username = (.+)$/gm)].map((m) => m[1]!.trim()).sort();
}

/** Every file under `root` (no symlinks followed) whose bytes contain any of `values`. */
export async function filesContaining(root: string, values: string[]): Promise<Array<{file: string; value: string}>> {
  const needles = values.filter((v) => v.length > 0).map((v) => ({value: v, bytes: Buffer.from(v, 'utf8')}));
  const hits: Array<{file: string; value: string}> = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, {withFileTypes: true});
    } catch {
      return; // sockets' folders, permission-less runtime dirs
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const info = await lstat(full);
        if (info.size > 50 * 1024 * 1024) continue;
        const bytes = await readFile(full).catch(() => undefined);
        if (!bytes) continue;
        for (const n of needles) if (bytes.includes(n.bytes)) hits.push({file: full, value: `${n.value.slice(0, 2)}…(${n.value.length} chars)`});
      }
    }
  }
  await walk(root);
  return hits;
}
