/** Shell completion: the script bash sources, and what the completion server offers. */
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createConfigStore} from '../../src/config/config-store.js';
import {buildProgram} from '../../src/program.js';
import {builtCli} from '../helpers/terminal.js';
import {testRuntime} from '../helpers/session.js';

/** A `btalk` on PATH that runs the built CLI, as `npm link` would. */
function btalkOnPath(): string {
  const bin = mkdtempSync(path.join(tmpdir(), 'btalk-bin-'));
  writeFileSync(path.join(bin, 'btalk'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(builtCli)} "$@"\n`);
  chmodSync(path.join(bin, 'btalk'), 0o755);
  return bin;
}

/** Sources `btalk completion bash` in bash and presses Tab after `line`; returns COMPREPLY. */
function bashComplete(line: string, env: Record<string, string> = {}): string[] {
  const script = `
    source <(btalk completion bash) || exit 3
    COMP_LINE="$LINE"; COMP_POINT=\${#COMP_LINE}
    read -ra COMP_WORDS <<< "$COMP_LINE"
    [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
    _btalk_completion
    printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['-c', script], {env: {PATH: `${btalkOnPath()}:${process.env['PATH']}`, HOME: tmpdir(), LINE: line, ...env}}).toString();
  return out.split('\n').filter((l) => l !== '');
}

/** What the completion server answers bash for `line` (in-process, through the real command tree). */
async function serve(line: string, env: Record<string, string> = {}): Promise<string[]> {
  const words = line.split(' ');
  const runtime = testRuntime({BTALK_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'btalk-completion-')), SHELL: 'bash', COMP_LINE: line, COMP_POINT: String(line.length), COMP_CWORD: String(words.length - 1), ...env});
  const {program} = buildProgram(runtime);
  await program.parseAsync(['node', 'btalk', 'completion-server', '--', ...words]);
  return runtime.out().split('\n').filter((l) => l !== '');
}

describe('btalk completion', () => {
  it('bash: the sourced script completes "btalk ord" to "btalk order"', () => {
    expect(bashComplete('btalk ord')).toEqual(['order']);
  });

  it('bash: flags of the command, environment names, country codes and profile names', async () => {
    expect(await serve('btalk order --coun')).toEqual(['--country']);
    expect(await serve('btalk --env ')).toEqual(['orange-sandbox', 'orange']);
    expect(await serve('btalk order --country F')).toContain('FR');
    expect(await serve('btalk order --from ')).toEqual(['__tabtab_complete_files__']);
    const configDir = mkdtempSync(path.join(tmpdir(), 'btalk-completion-'));
    writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({profiles: {prod: {env: 'orange'}, lab: {env: 'orange-sandbox'}}}));
    expect((await serve('btalk status --profile ', {BTALK_CONFIG_DIR: configDir})).sort()).toEqual(['lab', 'prod']);
    expect(await serve('btalk completion ')).toEqual(['bash', 'zsh', 'fish']);
    expect(await serve('btalk ')).not.toContain('completion-server');
  });

  it('zsh and fish scripts call the completion server; an unknown shell is a usage error', async () => {
    for (const shell of ['zsh', 'fish']) {
      const r = testRuntime({});
      await buildProgram(r).program.parseAsync(['node', 'btalk', 'completion', shell]);
      expect(r.out()).toContain('btalk completion-server');
    }
    const runtime = testRuntime({BTALK_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'btalk-completion-'))});
    const {program, exitCode} = buildProgram(runtime);
    await program.parseAsync(['node', 'btalk', 'completion', 'tcsh']);
    expect(exitCode()).toBe(2);
    expect(runtime.err()).toContain('No completion for "tcsh"');
  });

  it('zsh answers carry descriptions (name:description), from the command tree', async () => {
    const configDir = mkdtempSync(path.join(tmpdir(), 'btalk-completion-'));
    await createConfigStore(configDir).setProfile('prod', {env: 'orange'});
    const runtime = testRuntime({BTALK_CONFIG_DIR: configDir, SHELL: 'zsh', COMP_LINE: 'btalk hist', COMP_POINT: '10', COMP_CWORD: '1'});
    const {program} = buildProgram(runtime);
    await program.parseAsync(['node', 'btalk', 'completion-server', '--', 'btalk', 'hist']);
    expect(runtime.out()).toMatch(/^history:List the orders btalk placed/m);
  });
});
