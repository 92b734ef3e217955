/** `btalk voicesites` with labels of any width: French accents (one decomposed), Japanese, emoji. */
import {parse} from 'csv-parse/sync';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {useEmulator} from '../helpers/emulator.js';
import {btalk, credentialEnv, type RunOptions} from '../order/harness.js';

const terminal = (columns: number): RunOptions => ({
  env: credentialEnv(EMULATOR_ACCOUNTS.multi),
  onRuntime(runtime) {
    Object.assign(runtime.stdout, {isTTY: true, columns});
  },
});

/** Where (in terminal cells) each line's COUNTRY cell starts. */
function countryColumn(lines: string[]): number[] {
  return lines.map((line) => {
    const at = line.search(/ {2}(COUNTRY|FR|JP|SG|US)( {2}|$)/);
    return stringWidth(line.slice(0, at));
  });
}

describe('btalk voicesites: text of any width', () => {
  const sandbox = useEmulator();

  it('keeps the columns aligned by display width with CJK, emoji and decomposed accents', async () => {
    const r = await btalk(sandbox(), ['voicesites'], {env: credentialEnv(EMULATOR_ACCOUNTS.multi)});
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.some((l) => l.includes('東京本社オフィス'))).toBe(true);
    expect(lines.some((l) => l.includes('📞 Support 24/7 👩‍💻'))).toBe(true);
    expect(lines.some((l) => l.includes('Lyon Part-Die\u0301u, 3e étage'))).toBe(true);
    expect(new Set(countryColumn(lines)).size).toBe(1);
  });

  it('fits a 60-column terminal by display width, cutting whole characters, still aligned', async () => {
    const r = await btalk(sandbox(), ['voicesites'], terminal(60));
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(60);
    expect(lines.some((l) => l.includes('…'))).toBe(true);
    expect(new Set(countryColumn(lines)).size).toBe(1);
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('--wide shows every cell in full even in a narrow terminal', async () => {
    const r = await btalk(sandbox(), ['voicesites', '--wide'], terminal(60));
    expect(r.stdout).toContain('Siège social – Paris 8ᵉ');
    expect(r.stdout).toContain('東京本社オフィス');
    expect(r.stdout).not.toContain('…');
    expect(new Set(countryColumn(r.stdout.trimEnd().split('\n'))).size).toBe(1);
  });

  it('--csv --separator ";" writes a spreadsheet file: BOM, CRLF, labels intact; --filter ignores accents', async () => {
    const r = await btalk(sandbox(), ['voicesites', '--csv', '--separator', ';'], {env: credentialEnv(EMULATOR_ACCOUNTS.multi)});
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\ufeffvoiceSiteId;technicalSiteName;customerSiteLabel;')).toBe(true);
    expect(r.stdout.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = parse(r.stdout, {bom: true, delimiter: ';', columns: true}) as Array<Record<string, string>>;
    expect(rows.map((row) => row['customerSiteLabel'])).toEqual(expect.arrayContaining(['東京本社オフィス', '📞 Support 24/7 👩‍💻', 'Siège social – Paris 8ᵉ']));
    expect(rows.find((row) => row['technicalSiteName'] === 'TOKYO_HQ')?.['vpnName']).toBe('Acme APAC VPN 01');
    const filtered = await btalk(sandbox(), ['voicesites', '--filter', 'siege'], {env: credentialEnv(EMULATOR_ACCOUNTS.multi)});
    expect(filtered.stdout).toContain('SIEGE_PARIS');
    expect(filtered.stdout).not.toContain('TOKYO_HQ');
  });

  it('refuses --csv with --json, and a separator it does not know', async () => {
    const both = await btalk(sandbox(), ['--json', 'voicesites', '--csv'], {env: credentialEnv(EMULATOR_ACCOUNTS.multi)});
    expect(both.code).toBe(2);
    const bad = await btalk(sandbox(), ['voicesites', '--csv', '--separator', '|'], {env: credentialEnv(EMULATOR_ACCOUNTS.multi)});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--separator must be ",", ";" or "tab"');
  });
});
