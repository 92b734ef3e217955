/**
 * Step 6: the site's names and the order reference, checked as you type by the same rules the
 * emulator enforces (src/domain/site-rules.ts). Defaults make Enter enough: a label from the
 * country, a technical name derived from the label (until edited), a reference from the date.
 * The defaults avoid every name known to be taken (the voicesites, and the sites ordered in this
 * run even before the list shows them) and follow the list as it arrives, until the person types.
 */
import {Box, Text} from 'ink';
import React, {useMemo, useState} from 'react';
import type {VoiceSite} from '../../api/types.js';
import {checkOrderReference, checkSiteLabel, checkTechnicalSiteName, defaultOrderReference, deriveTechnicalSiteName, findSiteByName} from '../../domain/site-rules.js';
import type {Loadable, OrderedSite, SiteDetails} from '../../flow/state.js';
import {Footer} from '../components/footer.js';
import {useTheme} from '../theme.js';
import {useCurrentState} from '../use-current-state.js';
import {useKeys} from '../use-keys.js';

export interface SiteScreenProps {
  countryName: string;
  customerCode: string;
  initial?: SiteDetails | undefined;
  /** The account's voicesites, to warn about a technical name that is taken. */
  voicesites: Loadable<VoiceSite[]> | undefined;
  /** Sites ordered earlier in this run: taken, whether or not the list shows them yet. */
  ordered?: readonly OrderedSite[] | undefined;
  now: Date;
  onSubmit: (site: SiteDetails) => void;
  onBack: () => void;
  isActive?: boolean;
}

type Field = keyof SiteDetails;
const NONE: readonly OrderedSite[] = [];
const FIELDS: ReadonlyArray<{field: Field; label: string}> = [
  {field: 'customerSiteLabel', label: 'Site label'},
  {field: 'technicalSiteName', label: 'Technical name'},
  {field: 'customerOrderReference', label: 'Order reference'},
];

/** "Voicesite in France", or "... 2", "... 3" when the derived technical name is taken. */
export function defaultLabel(countryName: string, sites: readonly VoiceSite[], customerCode: string): string {
  const base = `Voicesite in ${countryName}`.slice(0, 70);
  for (let n = 1; n < 100; n++) {
    const label = n === 1 ? base : `${base} ${n}`;
    if (!findSiteByName(sites, deriveTechnicalSiteName(label), customerCode)) return label;
  }
  return base;
}

/** The dated reference, with "-2", "-3"... when this run already used it (two orders a minute). */
export function defaultReference(now: Date, used: readonly string[]): string {
  const base = defaultOrderReference(now);
  for (let n = 1; n < 100; n++) {
    const reference = n === 1 ? base : `${base}-${n}`;
    if (!used.includes(reference)) return reference;
  }
  return base;
}

/** What is wrong with each field (undefined: nothing), by the emulator's rules and the taken names. */
function siteProblems(values: SiteDetails, sites: readonly VoiceSite[], customerCode: string): Record<Field, string | undefined> {
  const taken = findSiteByName(sites, values.technicalSiteName, customerCode);
  return {
    customerSiteLabel: checkSiteLabel(values.customerSiteLabel),
    technicalSiteName:
      checkTechnicalSiteName(values.technicalSiteName) ??
      (taken ? `A voicesite named ${values.technicalSiteName} already exists (voiceSiteId ${String(taken.voiceSiteId)}): choose another name.` : undefined),
    customerOrderReference: checkOrderReference(values.customerOrderReference),
  };
}

export function SiteScreen(props: SiteScreenProps): React.JSX.Element {
  const theme = useTheme();
  const {isActive = true} = props;
  const listed = props.voicesites?.status === 'ready' ? props.voicesites.value : undefined;
  const ordered = props.ordered ?? NONE;
  // The clock is read once: a reference that changes while the person looks would be a surprise.
  const [now] = useState(props.now);
  const sites = useMemo(
    () => [
      ...(listed ?? []),
      ...ordered.map((o): VoiceSite => ({voiceSiteId: o.voiceSiteId, technicalSiteName: o.technicalSiteName, customerCode: o.customerCode})),
    ],
    [listed, ordered],
  );
  const defaults = useMemo((): SiteDetails => {
    const label = defaultLabel(props.countryName, sites, props.customerCode);
    const references = ordered.map((o) => o.customerOrderReference);
    return {customerSiteLabel: label, technicalSiteName: deriveTechnicalSiteName(label), customerOrderReference: defaultReference(now, references)};
  }, [props.countryName, sites, props.customerCode, ordered, now]);
  // Until the person types, the values are the defaults (which follow the voicesites list). The
  // key handler reads the current state, not its render's (see use-current-state.ts).
  const [typed, getTyped, setTyped] = useCurrentState<SiteDetails | undefined>(props.initial);
  const values = typed ?? defaults;
  // The technical name follows the label until the person edits it.
  const [, getNameEdited, setNameEdited] = useCurrentState(props.initial !== undefined);
  const [focus, getFocus, setFocus] = useCurrentState(0);
  const problems = useMemo(() => siteProblems(values, sites, props.customerCode), [values, sites, props.customerCode]);

  useKeys(
    (input, key) => {
      const at = getFocus();
      const field = FIELDS[at]!.field;
      const shown = getTyped() ?? defaults;
      const edit = (change: (value: string) => string) => {
        const next = {...shown, [field]: change(shown[field])};
        if (field === 'customerSiteLabel' && !getNameEdited()) next.technicalSiteName = deriveTechnicalSiteName(next.customerSiteLabel);
        if (field === 'technicalSiteName') setNameEdited(true);
        setTyped(next);
      };
      if (key.escape) return props.onBack();
      if ((key.tab && key.shift) || key.upArrow) return setFocus(Math.max(0, at - 1));
      if (key.tab || key.downArrow) return setFocus(Math.min(FIELDS.length - 1, at + 1));
      if (key.return) {
        const found = siteProblems(shown, sites, props.customerCode);
        if (at < FIELDS.length - 1) {
          if (found[field] === undefined) setFocus(at + 1);
          return;
        }
        const firstBad = FIELDS.findIndex((f) => found[f.field] !== undefined);
        if (firstBad === -1) props.onSubmit(shown);
        else setFocus(firstBad);
        return;
      }
      if (key.backspace || key.delete) return edit((v) => v.slice(0, -1));
      if (key.ctrl && input === 'u') return edit(() => '');
      if (key.ctrl || key.meta || input === '') return;
      const text = input.replace(/[\r\n\t]/g, '');
      // Technical names are capitals only: typing lower case just works.
      edit((v) => v + (field === 'technicalSiteName' ? text.toUpperCase() : text));
    },
    {isActive},
  );

  return (
    <Box flexDirection="column">
      <Text bold>Name the site</Text>
      {FIELDS.map(({field, label}, index) => {
        const on = index === focus;
        const problem = problems[field];
        return (
          <Box key={field} flexDirection="column">
            <Box>
              <Box width={2} flexShrink={0}>
                <Text color={on ? theme.accent : undefined}>{on ? '›' : ' '}</Text>
              </Box>
              <Box width={17} flexShrink={0}>
                <Text bold={on}>{label}</Text>
              </Box>
              {/* Wrapped, not cut: the end of a long label is where the person is typing. */}
              <Text>
                {values[field]}
                {on && isActive ? <Text inverse> </Text> : null}
                {problem === undefined ? <Text color={theme.success}> ✓</Text> : null}
              </Text>
            </Box>
            {problem !== undefined && (on || values[field] !== '') ? (
              // Wrapped, not cut: the rule or the taken name's voiceSiteId is the point of the line.
              <Box paddingLeft={4}>
                <Text color={theme.danger}>{`✗ ${problem}`}</Text>
              </Box>
            ) : null}
          </Box>
        );
      })}
      {props.voicesites?.status === 'failed' ? <Text dimColor>Could not list existing voicesites, so a taken name is only caught when ordering.</Text> : null}
      {props.voicesites?.status === 'loading' ? <Text dimColor>Checking existing voicesite names…</Text> : null}
      <Footer hints={[['type', 'to edit'], ['Tab/↓', 'next'], ['Enter', focus === FIELDS.length - 1 ? 'review' : 'accept'], ['Ctrl+U', 'clear'], ['Esc', 'back']]} />
    </Box>
  );
}
