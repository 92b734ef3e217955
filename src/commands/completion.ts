/**
 * Shell completion: `btalk completion bash|zsh|fish` prints the script (made by @pnpm/tabtab, the
 * library pnpm completes with); the script calls the hidden `btalk completion-server` on every
 * Tab with the line in COMP_LINE/COMP_CWORD/COMP_POINT, and this module answers from the command
 * tree itself (commands, flags), the environment names, the profiles in the config file and the
 * ISO country codes. Completion never touches the keychain or the network: it must answer at once.
 */
import type {Command, Option} from 'commander';
import type {ConfigStore} from '../config/config-store.js';
import {ENVIRONMENTS} from '../environments.js';
import {BtalkError} from '../errors.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof COMPLETION_SHELLS)[number];

interface Item {
  name: string;
  description?: string;
}

const FILES = '__tabtab_complete_files__';

/** Loaded on use: only completion needs it (and it reads its templates beside its own files). */
const loadTabtab = async () => (await import('@pnpm/tabtab')).default;

function optionItems(command: Command): Item[] {
  const options = (command as unknown as {options: readonly Option[]}).options;
  return options.flatMap((o) => (o.hidden ? [] : [{name: o.long ?? o.short ?? '', description: o.description}])).filter((i) => i.name !== '');
}

function findOption(commands: readonly Command[], flag: string): Option | undefined {
  for (const c of commands) {
    const found = (c as unknown as {options: readonly Option[]}).options.find((o) => o.long === flag || o.short === flag);
    if (found) return found;
  }
  return undefined;
}

/** What to offer for the word being typed, given the words before it (program name excluded). */
export async function completionItems(program: Command, before: readonly string[], config: () => Promise<ConfigStore>): Promise<Item[] | typeof FILES> {
  // The subcommand is the first word that is neither an option nor an option's value.
  let sub: Command | undefined;
  for (let i = 0; i < before.length; i++) {
    const word = before[i]!;
    if (word.startsWith('-')) {
      const option = findOption(sub ? [sub, program] : [program], word.split('=')[0]!);
      if (option && (option.required || option.optional) && !word.includes('=')) i++;
      continue;
    }
    sub ??= program.commands.find((c) => c.name() === word || c.aliases().includes(word));
  }
  const prev = before.at(-1);
  const wanting = prev?.startsWith('-') ? findOption(sub ? [sub, program] : [program], prev) : undefined;
  if (wanting && (wanting.required || wanting.optional)) {
    switch (wanting.long) {
      case '--env':
        return Object.entries(ENVIRONMENTS).map(([name, url]) => ({name, description: url}));
      case '--profile': {
        try {
          const names = Object.keys((await (await config()).read()).profiles);
          return (names.length > 0 ? names : ['default']).map((name) => ({name, description: 'profile'}));
        } catch {
          return [];
        }
      }
      case '--country':
        // Loaded here: the country names are only needed for this answer.
        return (await import('../domain/countries.js')).allCountries().map((c) => ({name: c.iso2, description: c.name}));
      case '--from':
        return FILES;
      default:
        return [];
    }
  }
  if (sub?.name() === 'completion') return COMPLETION_SHELLS.map((name) => ({name, description: `${name} completion script`}));
  const commands = sub ? [] : program.commands.filter((c) => !(c as unknown as {_hidden?: boolean})._hidden).map((c) => ({name: c.name(), description: c.description()}));
  // The answer flags are both the root's and `order`'s: each is offered once.
  const own = sub ? optionItems(sub) : [];
  return [...commands, ...own, ...optionItems(program).filter((o) => !own.some((i) => i.name === o.name))];
}

export function registerCompletion(program: Command, ctx: CommandContext, config: () => Promise<ConfigStore>): void {
  program
    .command('completion')
    .description('Print the shell completion script (bash, zsh or fish)')
    .argument('<shell>', COMPLETION_SHELLS.join(', '))
    .addHelpText(
      'after',
      `
Install (then open a new shell):
  bash   echo 'source <(btalk completion bash)' >> ~/.bashrc
  zsh    echo 'source <(btalk completion zsh)' >> ~/.zshrc
  fish   btalk completion fish > ~/.config/fish/completions/btalk.fish

It completes commands, flags, --env names, --profile names (from the config file) and --country
ISO codes; --from completes file names.`,
    )
    .action(async (shell: string) => {
      const code = await runCommand(ctx.runtime, {}, async () => {
        if (!(COMPLETION_SHELLS as readonly string[]).includes(shell)) {
          throw new BtalkError('usage', `No completion for "${shell}".`, {hint: `Use one of: ${COMPLETION_SHELLS.join(', ')}.`});
        }
        const tabtab = await loadTabtab();
        ctx.runtime.stdout.write(await tabtab.getCompletionScript({name: 'btalk', completer: 'btalk', shell: shell as Shell}));
        return 0;
      });
      ctx.setExitCode(code);
    });

  program
    .command('completion-server', {hidden: true})
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .helpOption(false)
    .action(async () => {
      const env = ctx.runtime.env;
      const shell = env['SHELL'];
      if (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish') return;
      const tabtab = await loadTabtab();
      const parsed = tabtab.parseEnv({...env});
      // The words before the cursor, without the program name; the last one is being typed.
      const words = parsed.partial.split(/\s+/).slice(1);
      const typing = /\s$/.test(parsed.partial) ? '' : (words.pop() ?? '');
      const before = words.filter((w) => w !== '');
      const items = await completionItems(program, before, config);
      if (items === FILES) {
        ctx.runtime.stdout.write(`${FILES}\n`);
        return;
      }
      const matching = items.filter((i) => i.name.startsWith(typing));
      if (shell === 'bash') {
        // Names only, already filtered: bash shows them as they are.
        ctx.runtime.stdout.write(matching.map((i) => `${i.name}\n`).join(''));
        return;
      }
      tabtab.log(matching, shell, (line) => ctx.runtime.stdout.write(`${line.replace(/\n/g, ' ')}\n`));
    });
}
