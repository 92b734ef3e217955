/**
 * The credentials form: client id, client secret (masked) and API key (masked, exactly 40
 * characters, checked here before any call). Used by `btalk login` and as the wizard's first step.
 * A view: props in, callbacks out, one useInput that is off while busy or inactive.
 */
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import React, {useState} from 'react';
import type {Credentials} from '../../api/types.js';
import {API_KEY_LENGTH, credentialProblems} from '../../domain/credential-rules.js';
import type {BtalkError} from '../../errors.js';
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

export function CredentialsForm(props: CredentialsFormProps): React.JSX.Element {
  const {initial, onSubmit, onCancel, error, busy = false, isActive = true} = props;
  const [values, setValues] = useState<Credentials>({
    clientId: initial?.clientId ?? '',
    clientSecret: initial?.clientSecret ?? '',
    apiKey: initial?.apiKey ?? '',
  });
  const theme = useTheme();
  const [focus, setFocus] = useState(() => {
    const asked = FIELDS.findIndex(({field}) => field === props.initialFocus);
    if (asked !== -1) return asked;
    const firstEmpty = FIELDS.findIndex(({field}) => !(initial?.[field] ?? ''));
    return firstEmpty === -1 ? FIELDS.length - 1 : firstEmpty;
  });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});

  const current = FIELDS[focus]!.field;
  const move = (delta: number) => setFocus((f) => Math.min(FIELDS.length - 1, Math.max(0, f + delta)));

  const submit = () => {
    const trimmed: Credentials = {clientId: values.clientId.trim(), clientSecret: values.clientSecret.trim(), apiKey: values.apiKey.trim()};
    const found = credentialProblems(trimmed);
    setProblems(found);
    const firstBad = FIELDS.findIndex(({field}) => found[field] !== undefined);
    if (firstBad !== -1) {
      setFocus(firstBad);
      return;
    }
    onSubmit(trimmed);
  };

  useKeys(
    (input, key) => {
      if (key.escape) return onCancel();
      if (key.tab) return move(key.shift ? -1 : 1);
      if (key.upArrow) return move(-1);
      if (key.downArrow) return move(1);
      if (key.return) return focus === FIELDS.length - 1 ? submit() : move(1);
      if (key.backspace || key.delete) {
        setValues((v) => ({...v, [current]: v[current].slice(0, -1)}));
        return;
      }
      if (key.ctrl && input === 'u') {
        setValues((v) => ({...v, [current]: ''}));
        return;
      }
      if (key.ctrl || key.meta || input === '') return;
      // Pasted text arrives in one chunk; line breaks inside it are not part of a secret.
      const text = input.replace(/[\r\n]/g, '');
      if (text === '') return;
      setValues((v) => ({...v, [current]: v[current] + text}));
      setProblems((p) => ({...p, [current]: undefined}));
    },
    {isActive: isActive && !busy},
  );

  return (
    <Box flexDirection="column">
      <Text bold>Business Talk credentials</Text>
      <Text dimColor>From the Orange Developer dashboard (client id and secret) and your Business Talk API key.</Text>
      {props.notice ? <Text color={theme.warning}>{`⚠ ${props.notice}`}</Text> : null}
      <Box flexDirection="column" marginTop={1}>
        {FIELDS.map(({field, label, masked}, index) => {
          const value = values[field];
          const shown = masked ? MASK.repeat(value.length) : value;
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
