/**
 * Non-secret profile settings (which environment or base URL a profile uses) in a small JSON file
 * in the platform's config folder. Secrets never go here. Writes are atomic (temp file + rename)
 * with mode 0600; a file we cannot parse is refused with its path and left exactly as it is.
 */
import {randomUUID} from 'node:crypto';
import {mkdir, readFile, rename, writeFile, unlink} from 'node:fs/promises';
import path from 'node:path';
import envPaths from 'env-paths';
import {z} from 'zod';
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

export function createConfigStore(dir: string): ConfigStore {
  const file = path.join(dir, CONFIG_FILE_NAME);

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
      throw new BtalkError('invalid-input', `Cannot write the btalk config file ${file}: ${(thrown as Error).message}.`, {
        hint: 'Check that the folder is writable, or point BTALK_CONFIG_DIR at another folder.',
        cause: thrown,
      });
    }
  }

  return {
    file,
    read,
    async profile(name) {
      const config = await read();
      return Object.hasOwn(config.profiles, name) ? config.profiles[name] : undefined;
    },
    async setProfile(name, settings) {
      // Reading first means a corrupt file stops the write instead of being replaced.
      const config = await read();
      const before = Object.hasOwn(config.profiles, name) ? config.profiles[name] : undefined;
      const kept: ProfileUsage = {
        ...(before?.lastCustomer ? {lastCustomer: before.lastCustomer} : {}),
        ...(before?.lastUsedAt ? {lastUsedAt: before.lastUsedAt} : {}),
      };
      config.profiles[name] = {...kept, ...settings};
      await write(config);
    },
    async recordUse(name, usage) {
      const config = await read();
      if (!Object.hasOwn(config.profiles, name)) return false;
      config.profiles[name] = {...config.profiles[name], ...usage};
      await write(config);
      return true;
    },
    async removeProfile(name) {
      const config = await read();
      if (!Object.hasOwn(config.profiles, name)) return false;
      delete config.profiles[name];
      await write(config);
      return true;
    },
  };
}

function corrupt(file: string, why: string, cause: unknown): BtalkError {
  return new BtalkError('invalid-input', `The btalk config file ${file} cannot be used: ${why}. It was left untouched.`, {
    hint: `Fix or move that file (it holds only profile names and environments, no secrets), then run the command again.`,
    cause,
  });
}
