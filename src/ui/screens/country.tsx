/**
 * Step 5: the country. Every ISO 3166 country, filtered as you type; choosing one shows its
 * coverage (GET /countries/{iso2}); an uncovered one is explained and another can be picked.
 */
import {Box} from 'ink';
import React from 'react';
import {isCovered} from '../../api/schemas.js';
import type {Country} from '../../api/types.js';
import {allCountries, countryName, searchCountries, type CountryOption} from '../../domain/countries.js';
import {countryLabel} from '../../domain/labels.js';
import type {Loadable} from '../../flow/state.js';
import {Busy} from '../components/busy.js';
import {CoverageTable} from '../components/coverage-table.js';
import {ErrorBlock} from '../components/error-block.js';
import {FilterList} from '../components/filter-list.js';
import {FitScreen} from '../components/fit-screen.js';
import {Footer} from '../components/footer.js';
import {useTheme} from '../theme.js';
import {useKeys} from '../use-keys.js';
import {ESCAPE} from '../key-paced-stdin.js';
import {Text} from '../components/text.js';

export interface CountryScreenProps {
  highlighted?: string | undefined;
  chosen?: string | undefined;
  countries: Readonly<Record<string, Loadable<Country>>>;
  rows: number;
  /** The lines the coverage may take: its table scrolls within them. */
  height?: number | undefined;
  columns: number;
  onHighlight: (iso2: string) => void;
  onChoose: (iso2: string) => void;
  onAccept: () => void;
  onBack: () => void;
  /** What Esc does on the list, in the key line: "back", or "cancel the edit". */
  backLabel?: string | undefined;
  /** Why the step is asked (e.g. a --country that is no country). */
  reason?: string | undefined;
  onRetry: () => void;
  onQuit: () => void;
  isActive?: boolean;
}

/**
 * Matches, best first: exact codes and names in English or French ("uk", "DE", "Allemagne"), then
 * names starting with the text, then names with a word starting with it, then the rest.
 */
export function rankedCountries(items: readonly CountryOption[], text: string): CountryOption[] {
  return searchCountries(text, items);
}

export function CountryScreen(props: CountryScreenProps): React.JSX.Element {
  const {chosen, isActive = true} = props;
  const theme = useTheme();
  if (chosen) return <Coverage {...props} chosen={chosen} isActive={isActive} />;
  const note = (c: CountryOption) => {
    const entry = props.countries[c.iso2];
    if (entry?.status !== 'ready') return undefined;
    return isCovered(entry.value) ? 'covered' : 'not covered';
  };
  return (
    <Box flexDirection="column">
      <Text bold>In which country is the site?</Text>
      {props.reason ? <Text color={theme.warning}>{`! ${props.reason}`}</Text> : null}
      <FilterList<CountryOption>
        items={allCountries()}
        itemKey={(c) => c.iso2}
        label={countryLabel}
        filter={rankedCountries}
        noun={['country', 'countries']}
        rows={props.rows}
        initialKey={props.highlighted}
        note={note}
        onHighlight={(c) => props.onHighlight(c.iso2)}
        onChoose={(c) => props.onChoose(c.iso2)}
        onBack={props.onBack}
        isActive={isActive}
        typedAhead={props.reason === undefined}
      />
      <Footer hints={[['type', 'name (English or French) or code'], ['↑↓', 'move'], ['Enter', 'check coverage'], ['Esc', props.backLabel ?? 'back'], ['Ctrl+C', 'quit']]} />
    </Box>
  );
}

function Coverage(props: CountryScreenProps & {chosen: string; isActive: boolean}): React.JSX.Element {
  const theme = useTheme();
  const entry = props.countries[props.chosen];
  const name = entry?.status === 'ready' ? entry.value.name : (countryName(props.chosen) ?? props.chosen);
  const covered = entry?.status === 'ready' && isCovered(entry.value);

  useKeys(
    (input, key) => {
      if (key.escape) return props.onBack();
      if (entry?.status === 'failed') {
        if (input === 'r') return props.onRetry();
        if (input === 'q') return props.onQuit();
        if (key.return) return props.onRetry();
      }
      if (entry?.status === 'ready' && key.return) return covered ? props.onAccept() : props.onBack();
    },
    // While the coverage is read, only Esc: an Enter typed meanwhile waits for the coverage. A
    // failed read or a country not covered drops what waited: it was typed for the site names.
    {isActive: props.isActive, ...(entry === undefined || entry.status === 'loading' ? {keys: [ESCAPE]} : {}), typedAhead: entry?.status === 'ready' ? covered : entry?.status !== 'failed'},
  );

  if (entry === undefined || entry.status === 'loading') {
    return (
      <Box flexDirection="column">
        <Busy label={`Checking coverage in ${name} (GET /countries/${props.chosen})…`} since={entry?.since} />
        <Footer hints={[['Esc', 'pick another'], ['Ctrl+C', 'quit']]} />
      </Box>
    );
  }
  if (entry.status === 'failed') {
    return (
      <Box flexDirection="column">
        <ErrorBlock title={`Coverage of ${name}`} error={entry.error} />
        <Footer hints={[['Enter/r', 'retry'], ['Esc', 'pick another'], ['q', 'quit']]} />
      </Box>
    );
  }
  return (
    <FitScreen
      height={props.height}
      arrows
      isActive={props.isActive}
      body={
        <>
          <Text bold>{`Coverage in ${entry.value.name} (${entry.value.iso2}${entry.value.countryCode ? `, +${entry.value.countryCode}` : ''})`}</Text>
          <CoverageTable country={entry.value} columns={props.columns} />
        </>
      }
      foot={
        <>
          <Box marginTop={1}>
            {covered ? (
              <Text color={theme.success}>{`✓ Business Talk Online is available in ${entry.value.name}.`}</Text>
            ) : (
              <Text color={theme.warning}>{`✗ Business Talk Online is not available in ${entry.value.name}, so no voicesite can be ordered there. Pick another country.`}</Text>
            )}
          </Box>
          <Footer hints={covered ? [['Enter', 'continue'], ['Esc', 'pick another'], ['Ctrl+C', 'quit']] : [['Enter/Esc', 'pick another'], ['Ctrl+C', 'quit']]} />
        </>
      }
    />
  );
}
