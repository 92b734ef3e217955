/**
 * Where btalk keeps state that is neither config nor secret (the order journal): the platform's
 * state folder, from the environment and platform the composition root passes in.
 *   Linux/BSD  $XDG_STATE_HOME/btalk, else ~/.local/state/btalk
 *   macOS      ~/Library/Application Support/btalk/state
 *   Windows    %LOCALAPPDATA%\btalk\State
 * BTALK_STATE_DIR overrides all of them.
 */
import path from 'node:path';

export const STATE_DIR_VARIABLE = 'BTALK_STATE_DIR';

/** The state folder, or a sentence saying why there is none (no home folder in the environment). */
export function defaultStateDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): {dir: string} | {problem: string} {
  const override = env[STATE_DIR_VARIABLE];
  if (override) return {dir: path.resolve(override)};
  if (platform === 'win32') {
    const local = env['LOCALAPPDATA'] || (env['USERPROFILE'] ? path.win32.join(env['USERPROFILE'], 'AppData', 'Local') : undefined);
    return local ? {dir: path.win32.join(local, 'btalk', 'State')} : {problem: `neither LOCALAPPDATA nor USERPROFILE is set; set ${STATE_DIR_VARIABLE}`};
  }
  const home = env['HOME'];
  if (platform === 'darwin') {
    return home ? {dir: path.join(home, 'Library', 'Application Support', 'btalk', 'state')} : {problem: `HOME is not set; set ${STATE_DIR_VARIABLE}`};
  }
  // XDG says a relative XDG_STATE_HOME is invalid and must be ignored.
  const xdg = env['XDG_STATE_HOME'];
  if (xdg && path.isAbsolute(xdg)) return {dir: path.join(xdg, 'btalk')};
  return home ? {dir: path.join(home, '.local', 'state', 'btalk')} : {problem: `neither XDG_STATE_HOME nor HOME is set; set ${STATE_DIR_VARIABLE}`};
}
