/**
 * The credentials form: client id, client secret (masked) and API key (masked, exactly 40
 * characters, checked here before any call). Used by `btalk login` and as the wizard's first step.
 * A view: props in, callbacks out, one useInput that is off while busy or inactive.
 */
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import React, {useReducer, useRef} from 'react';
import type {Credentials} from '../../api/types.js';
import {API_KEY_LENGTH, credentialProblems} from '../../domain/credential-rules.js';
import {isBtalkError, type BtalkError} from '../../errors.js';
import {decodeBasicHeader, looksLikeBasicHeader} from '../../secrets/basic-header.js';
import {ErrorBlock} from '../components/error-block.js';
import {useTheme} from '../theme.js';
import {useKeys} from '../use-keys.js';

// The same rules as piped or environment credentials (btalk login without a terminal).
export {API_KEY_LENGTH, credentialProblems};

export interface CredentialsFormProps {
  initial?: Partial<Credentials> | undefined;
  onSubmit: (credentials: Credentials) => void;
  onCancel: () => void;
  /** The last failure (e.g. the API rejected the credentials), shown under the form. */
  error?: BtalkError | undefined;
  /** True while the parent proves the credentials: the form shows a spinner and takes no keys. */
  busy?: boolean | undefined;
  /** False when another component owns the keyboard. */
  isActive?: boolean | undefined;
  /** The line shown while busy. */
  busyLabel?: string | undefined;
  /** The field to start on (e.g. the one a rejection points at); else the first empty one. */
  initialFocus?: keyof Credentials | undefined;
  /** One line above the fields, e.g. that there is no keychain and nothing will be saved. */
  notice?: string | undefined;
}

type Field = keyof Credentials;
const FIELDS: ReadonlyArray<{field: Field; label: string; masked: boolean}> = [
  {field: 'clientId', label: 'Client ID', masked: false},
  {field: 'clientSecret', label: 'Client secret', masked: true},
  {field: 'apiKey', label: 'API key', masked: true},
];

const MASK = '•';

/** The field asked for (e.g. the one a rejection points at), else the first empty one. */
function firstFocus(initial: Partial<Credentials> | undefined, asked: Field | undefined): number {
  const index = FIELDS.findIndex(({field}) => field === asked);
  if (index !== -1) return index;
  const firstEmpty = FIELDS.findIndex(({field}) => !(initial?.[field] ?? ''));
  return firstEmpty === -1 ? FIELDS.length - 1 : firstEmpty;
}

interface FormState {
  values: Credentials;
  focus: number;
  problems: Partial<Record<Field, string>>;
  /** Said once a pasted "Basic ..." value was decoded into the client id and secret. */
  decoded?: string;
}

export function CredentialsForm(props: CredentialsFormProps): React.JSX.Element {
  const {initial, onSubmit, onCancel, error, busy = false, isActive = true} = props;
  const theme = useTheme();
  // The form's state lives in a ref that each key updates at once, and a render follows. A key
  // must act on what the previous key did even when it arrives before React rendered it (Tab and
  // the next field's first character in two reads a moment apart: seen in tmux, the character
  // landed in the field being left).
  const form = useRef<FormState | undefined>(undefined);
  form.current ??= {
    values: {clientId: initial?.clientId ?? '', clientSecret: initial?.clientSecret ?? '', apiKey: initial?.apiKey ?? ''},
    focus: firstFocus(initial, props.initialFocus),
    problems: {},
  };
  const [, repaint] = useReducer((n: number) => n + 1, 0);
  const state = (): FormState => form.current!;
  const change = (next: Partial<FormState>) => {
    form.current = {...state(), ...next};
    repaint();
  };
  const {values, focus, problems} = state();

  /**
   * The MyApps "Authorization: Basic ..." value pasted in the Client ID field: decoded into the id
   * and the secret as the field is left, or refused there with the reason. False when refused.
   */
  const expandHeader = (): boolean => {
    const {values: v, focus: f, problems: p} = state();
    if (FIELDS[f]!.field !== 'clientId' || !looksLikeBasicHeader(v.clientId)) return true;
    try {
      const {clientId, clientSecret} = decodeBasicHeader(v.clientId);
      change({values: {...v, clientId, clientSecret}, focus: FIELDS.findIndex(({field}) => field === 'apiKey'), problems: {...p, clientId: undefined, clientSecret: undefined}, decoded: `The Basic value holds client id "${clientId}" and its secret.`});
    } catch (thrown) {
      change({problems: {...p, clientId: isBtalkError(thrown) ? thrown.message : String(thrown)}});
    }
    return false;
  };
  const move = (delta: number) => {
    if (!expandHeader()) return;
    change({focus: Math.min(FIELDS.length - 1, Math.max(0, state().focus + delta))});
  };
  const edit = (update: (value: string) => string) => {
    const {values: v, focus: f, problems: p} = state();
    const field = FIELDS[f]!.field;
    change({values: {...v, [field]: update(v[field])}, problems: {...p, [field]: undefined}});
  };

  const submit = () => {
    const v = state().values;
    const trimmed: Credentials = {clientId: v.clientId.trim(), clientSecret: v.clientSecret.trim(), apiKey: v.apiKey.trim()};
    const found = credentialProblems(trimmed);
    const firstBad = FIELDS.findIndex(({field}) => found[field] !== undefined);
    change({problems: found, ...(firstBad === -1 ? {} : {focus: firstBad})});
    if (firstBad === -1) onSubmit(trimmed);
  };

  useKeys(
    (input, key) => {
      if (key.escape) return onCancel();
      if (key.tab) return move(key.shift ? -1 : 1);
      if (key.upArrow) return move(-1);
      if (key.downArrow) return move(1);
      if (key.return) return state().focus === FIELDS.length - 1 ? submit() : move(1);
      if (key.backspace || key.delete) return edit((value) => value.slice(0, -1));
      if (key.ctrl && input === 'u') return edit(() => '');
      if (key.ctrl || key.meta || input === '') return;
      // Pasted text arrives in one chunk; line breaks inside it are not part of a secret.
      const text = input.replace(/[\r\n]/g, '');
      if (text === '') return;
      edit((value) => value + text);
    },
    {isActive: isActive && !busy},
  );

  return (
    <Box flexDirection="column">
      <Text bold>Business Talk credentials</Text>
      <Text dimColor>From the Orange Developer dashboard (client id and secret) and your Business Talk API key.</Text>
      <Text dimColor>Or paste the MyApps "Authorization: Basic …" value as the client id.</Text>
      {props.notice ? <Text color={theme.warning}>{`⚠ ${props.notice}`}</Text> : null}
      {state().decoded ? <Text color={theme.success}>{`✓ ${state().decoded}`}</Text> : null}
      <Box flexDirection="column" marginTop={1}>
        {FIELDS.map(({field, label, masked}, index) => {
          const value = values[field];
          // A pasted Basic value holds the secret: masked like it until it is decoded.
          const shown = masked || looksLikeBasicHeader(value) ? MASK.repeat(value.length) : value;
          const focused = index === focus && !busy;
          return (
            <Box key={field}>
              <Text color={focused ? theme.accent : undefined}>{focused ? '› ' : '  '}</Text>
              <Box width={15}>
                <Text bold={focused}>{label}</Text>
              </Box>
              <Text>
                {shown}
                {focused ? <Text inverse> </Text> : null}
              </Text>
              {field === 'apiKey' && value.length > 0 ? <Text dimColor>{`  ${value.trim().length}/${API_KEY_LENGTH}`}</Text> : null}
              {problems[field] ? <Text color={theme.danger}>{`  ${problems[field]}`}</Text> : null}
            </Box>
          );
        })}
      </Box>
      {busy ? (
        <Box marginTop={1}>
          <Text color={theme.accent}>
            <Spinner type="dots" />
          </Text>
          <Text>{` ${props.busyLabel ?? 'Checking the credentials (token, then GET /me)…'}`}</Text>
        </Box>
      ) : null}
      {error && !busy ? (
        <Box marginTop={1}>
          <ErrorBlock error={error} />
        </Box>
      ) : null}
      {!busy ? (
        <Box marginTop={1}>
          <Text dimColor wrap="truncate-end">Tab/↓ next · ↑ previous · Enter on the last: check · Ctrl+U clear · Esc cancel</Text>
        </Box>
      ) : null}
    </Box>
  );
}
