/**
 * Non-secret profile settings (which environment or base URL a profile uses) in a small JSON file
 * in the platform's config folder. Secrets never go here. Writes are atomic (temp file + rename)
 * with mode 0600; a file we cannot parse is refused with its path and left exactly as it is.
 * Every change is read-modify-write under a lock file beside it (created with O_EXCL, so it also
 * serialises separate btalk processes): two logins at once both keep their profile. The wait for
 * the lock is bounded, and a lock older than its writer could live is taken over.
 */
import {randomUUID} from 'node:crypto';
import {mkdir, readFile, rename, stat, writeFile, unlink} from 'node:fs/promises';
import path from 'node:path';
import envPaths from 'env-paths';
import * as z from 'zod';
import {BtalkError} from '../errors.js';

export const CONFIG_FILE_NAME = 'config.json';

const ProfileSettingsSchema = z.object({
  env: z.enum(['orange-sandbox', 'orange']).optional(),
  baseUrl: z.string().min(1).optional(),
  /** The customer the profile last ordered for (shown by `btalk profiles`). */
  lastCustomer: z.object({code: z.string(), name: z.string().optional()}).optional(),
  /** ISO time of the profile's last login or order. */
  lastUsedAt: z.string().optional(),
});
const ConfigSchema = z.object({profiles: z.record(z.string(), ProfileSettingsSchema).default({})});

export type ProfileSettings = z.infer<typeof ProfileSettingsSchema>;
/** What a profile remembers about its use, apart from its environment. */
export type ProfileUsage = Pick<ProfileSettings, 'lastCustomer' | 'lastUsedAt'>;
export type BtalkConfig = z.infer<typeof ConfigSchema>;

export interface ConfigStore {
  /** Absolute path of the config file (shown in messages). */
  readonly file: string;
  read(): Promise<BtalkConfig>;
  profile(name: string): Promise<ProfileSettings | undefined>;
  /** Sets the profile's environment; what it remembers of its use (last customer, last use) stays. */
  setProfile(name: string, settings: ProfileSettings): Promise<void>;
  /** Records use of an existing profile; false (and nothing written) when there is no such profile. */
  recordUse(name: string, usage: ProfileUsage): Promise<boolean>;
  /** True when the profile had an entry. */
  removeProfile(name: string): Promise<boolean>;
}

/** The platform config folder (XDG on Linux, Library/Preferences on macOS, AppData on Windows). */
export function defaultConfigDir(env: Readonly<Record<string, string | undefined>>): string {
  const override = env['BTALK_CONFIG_DIR'];
  if (override) return path.resolve(override);
  // env-paths reads process.env and process.platform itself; both come from the same process in
  // the CLI, and the override above is what tests use.
  return envPaths('btalk', {suffix: ''}).config;
}

export interface ConfigLockOptions {
  /** How long a change waits for another writer's lock before it gives up (ms). */
  lockWaitMs?: number;
  /** A lock older than this was left by a writer that died: it is taken over (ms). */
  staleLockMs?: number;
}

const LOCK_RETRY_MS = 15;

export function createConfigStore(dir: string, options: ConfigLockOptions = {}): ConfigStore {
  const file = path.join(dir, CONFIG_FILE_NAME);
  const lockFile = `${file}.lock`;
  const lockWaitMs = options.lockWaitMs ?? 5_000;
  const staleLockMs = options.staleLockMs ?? 30_000;

  async function takeLock(): Promise<void> {
    await mkdir(dir, {recursive: true, mode: 0o700});
    const giveUpAt = Date.now() + lockWaitMs;
    for (;;) {
      try {
        await writeFile(lockFile, `${randomUUID()}\n`, {mode: 0o600, flag: 'wx'});
        return;
      } catch (thrown) {
        if ((thrown as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWrite(file, thrown);
      }
      const age = await stat(lockFile).then((s) => Date.now() - s.mtimeMs, () => undefined);
      if (age !== undefined && age > staleLockMs) {
        await unlink(lockFile).catch(() => undefined);
        continue;
      }
      if (Date.now() >= giveUpAt) {
        throw new BtalkError('invalid-input', `Another btalk is still changing ${file} (its lock ${lockFile} was held for over ${Math.round(lockWaitMs / 1000)} s).`, {
          hint: `Run the command again; if no other btalk is running, delete ${lockFile}.`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    }
  }

  /** Runs one read-modify-write with the lock held. */
  async function locked<T>(change: () => Promise<T>): Promise<T> {
    await takeLock();
    try {
      return await change();
    } finally {
      await unlink(lockFile).catch(() => undefined);
    }
  }

  async function read(): Promise<BtalkConfig> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return {profiles: {}};
      throw new BtalkError('invalid-input', `Cannot read the btalk config file ${file}: ${(thrown as Error).message}.`, {
        hint: 'Check the file permissions, or point BTALK_CONFIG_DIR at another folder.',
        cause: thrown,
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (thrown) {
      throw corrupt(file, 'it is not valid JSON', thrown);
    }
    const result = ConfigSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw corrupt(file, `unexpected content at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}`, result.error);
    }
    return result.data;
  }

  async function write(config: BtalkConfig): Promise<void> {
    await mkdir(dir, {recursive: true, mode: 0o700});
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(config, null, 2) + '\n', {mode: 0o600, flag: 'wx'});
      await rename(temp, file);
    } catch (thrown) {
      await unlink(temp).catch(() => undefined);
      throw cannotWrite(file, thrown);
    }
  }

  return {
    file,
    read,
    async profile(name) {
      const config = await read();
      return Object.hasOwn(config.profiles, name) ? config.profiles[name] : undefined;
    },
    setProfile: (name, settings) => locked(async () => {
      // Reading first means a corrupt file stops the write instead of being replaced.
      const config = await read();
      const before = Object.hasOwn(config.profiles, name) ? config.profiles[name] : undefined;
      const kept: ProfileUsage = {
        ...(before?.lastCustomer ? {lastCustomer: before.lastCustomer} : {}),
        ...(before?.lastUsedAt ? {lastUsedAt: before.lastUsedAt} : {}),
      };
      config.profiles[name] = {...kept, ...settings};
      await write(config);
    }),
    recordUse: (name, usage) => locked(async () => {
      const config = await read();
      if (!Object.hasOwn(config.profiles, name)) return false;
      config.profiles[name] = {...config.profiles[name], ...usage};
      await write(config);
      return true;
    }),
    removeProfile: (name) => locked(async () => {
      const config = await read();
      if (!Object.hasOwn(config.profiles, name)) return false;
      delete config.profiles[name];
      await write(config);
      return true;
    }),
  };
}

function cannotWrite(file: string, cause: unknown): BtalkError {
  return new BtalkError('invalid-input', `Cannot write the btalk config file ${file}: ${(cause as Error).message}.`, {
    hint: 'Check that the folder is writable, or point BTALK_CONFIG_DIR at another folder.',
    cause,
  });
}

function corrupt(file: string, why: string, cause: unknown): BtalkError {
  return new BtalkError('invalid-input', `The btalk config file ${file} cannot be used: ${why}. It was left untouched.`, {
    hint: `Fix or move that file (it holds only profile names and environments, no secrets), then run the command again.`,
    cause,
  });
}
