import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {shellArg, shellQuote} from '../../src/text/shell-quote.js';

/** What a POSIX shell makes of the words: one line per argument. */
const asShellSees = (words: string) => execFileSync('sh', ['-c', `printf '%s\\n' ${words}`], {encoding: 'utf8', env: {PATH: process.env['PATH'], HOME: '/nowhere'}});

describe('shell words for copied commands', () => {
  it('quotes values for POSIX shells, quotes included', () => {
    expect(shellQuote("it's $HOME `x`")).toBe(`'it'\\''s $HOME \`x\`'`);
    expect(asShellSees(shellQuote("it's $HOME `x`"))).toBe("it's $HOME `x`\n");
  });

  it('leaves a plain word bare and quotes what the shell would split or expand', () => {
    expect(shellArg('prod')).toBe('prod');
    expect(shellArg('https://api.example.com:8443/btalk/v1')).toBe('https://api.example.com:8443/btalk/v1');
    for (const value of ['bad name', 'a;rm -rf x', '$HOME', '`id`', 'x&y', "it's", '*', '~', 'a\tb', '']) {
      const word = shellArg(value);
      expect(word).not.toBe(value);
      expect(asShellSees(word)).toBe(`${value}\n`);
    }
  });
});
