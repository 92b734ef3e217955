/**
 * Step 6: the site's names and the order reference, checked as you type by the same rules the
 * emulator enforces (src/domain/site-rules.ts). Defaults make Enter enough: a label from the
 * country, a technical name derived from the label (until edited), a reference from the date.
 * The defaults avoid every name known to be taken (the voicesites, and the sites ordered in this
 * run even before the list shows them) and follow the list as it arrives, until the person types.
 * Until the list is in, no technical name is said to be free: it gets no ✓, and Enter on the
 * last field goes to the review only once the list is in (or could not be read).
 */
import {Box} from 'ink';
import React, {useEffect, useMemo, useState} from 'react';
import type {SiteName} from '../../api/types.js';
import {siteDefaults, siteProblems, takenSites} from '../../flow/site-defaults.js';
import type {Loadable, OrderedSite, SiteDetails} from '../../flow/state.js';
import {Footer} from '../components/footer.js';
import {useTheme} from '../theme.js';
import {textInputAction} from '../components/text-input-state.js';
import {TextInput} from '../components/text-input.js';
import {useKeys} from '../use-keys.js';
import {useStore} from '../use-store.js';
import {SITE_FIELDS, siteEnter, siteFields, siteFormReducer, siteFormState, siteValues, type SiteFormState} from './site-form-state.js';
import {Text} from '../components/text.js';

export interface SiteScreenProps {
  countryName: string;
  customerCode: string;
  initial?: SiteDetails | undefined;
  /** The account's voicesites, to warn about a technical name that is taken. */
  voicesites: Loadable<SiteName[]> | undefined;
  /** Sites ordered earlier in this run: taken, whether or not the list shows them yet. */
  ordered?: readonly OrderedSite[] | undefined;
  now: Date;
  onSubmit: (site: SiteDetails) => void;
  onBack: () => void;
  /** What Esc does, in the key line: "back", or "cancel the edit" when changed from the review. */
  backLabel?: string | undefined;
  isActive?: boolean;
}

const NONE: readonly OrderedSite[] = [];

export function SiteScreen(props: SiteScreenProps): React.JSX.Element {
  const theme = useTheme();
  const {isActive = true} = props;
  const listed = props.voicesites?.status === 'ready' ? props.voicesites.value : undefined;
  const ordered = props.ordered ?? NONE;
  // The clock is read once: a reference that changes while the person looks would be a surprise.
  const [now] = useState(props.now);
  const sites = useMemo(() => takenSites(listed, ordered), [listed, ordered]);
  const defaults = useMemo(
    (): SiteDetails => siteDefaults({countryName: props.countryName, customerCode: props.customerCode, sites, ordered, now}),
    [props.countryName, sites, props.customerCode, ordered, now],
  );
  // Until the person types, the values are the defaults (which follow the voicesites list).
  const [form, dispatch, get] = useStore(siteFormReducer, () => siteFormState(props.initial));
  const fields = siteFields(form, defaults);
  const values = siteValues(fields);
  const focus = form.focus;
  // The list is still being read: a taken name cannot be told from a free one yet.
  const checking = props.voicesites === undefined || props.voicesites.status === 'loading';
  // Enter was pressed to go on while checking: done once the list is in.
  const [waiting, setWaiting] = useState(false);
  const problems = useMemo(() => siteProblems(values, sites, props.customerCode), [values.customerSiteLabel, values.technicalSiteName, values.customerOrderReference, sites, props.customerCode]);

  // What Enter does on the form `state`: the next field, the first field with a problem, or on
  // to the review (held while checking: the effect below goes on once the list is in).
  const goOn = (state: SiteFormState): void => {
    const shown = siteValues(siteFields(state, defaults));
    const next = siteEnter(state, siteProblems(shown, sites, props.customerCode));
    if (next === undefined) return;
    if ('focus' in next) return dispatch({type: 'focus', to: next.focus});
    if (checking) return setWaiting(true);
    props.onSubmit(shown);
  };

  // The form each earlier key left, rendered or not (see key-paced-stdin.ts).
  useKeys(
    (input, key) => {
      const now = get();
      const focus = now.focus;
      if (key.escape) return props.onBack();
      if ((key.tab && key.shift) || key.upArrow) return dispatch({type: 'focus', to: focus - 1});
      if (key.tab || key.downArrow) return dispatch({type: 'focus', to: focus + 1});
      if (key.return) return goOn(now);
      const edit = textInputAction(input, key);
      if (edit) {
        setWaiting(false);
        dispatch({type: 'edit', edit, defaults});
      }
    },
    {isActive},
  );
  useEffect(() => {
    if (!waiting || checking) return;
    setWaiting(false);
    goOn(get());
  }, [waiting, checking, defaults, sites, props.customerCode]);

  return (
    <Box flexDirection="column">
      <Text bold>Name the site</Text>
      {SITE_FIELDS.map(({field, label}, index) => {
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
                <TextInput state={fields[field]} focused={on && isActive} />
                {problem === undefined && !(checking && field === 'technicalSiteName') ? <Text color={theme.success}> ✓</Text> : null}
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
      {checking ? <Text dimColor>{waiting ? 'Checking existing voicesite names… the review follows once they are in.' : 'Checking existing voicesite names…'}</Text> : null}
      <Footer
        hints={[
          ['type', 'to edit'],
          ['←→ Home End', 'move'],
          ['Tab/↓', 'next'],
          ['Enter', focus === SITE_FIELDS.length - 1 ? 'review' : 'accept'],
          ['Ctrl+U', 'clear'],
          ['Esc', props.backLabel ?? 'back'],
        ]}
      />
    </Box>
  );
}
