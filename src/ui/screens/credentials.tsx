/**
 * The credentials form: client id, client secret (masked) and API key (masked, exactly 40
 * characters, checked here before any call). Used by `btalk login` and as the wizard's first step.
 * A view: props in, callbacks out, one useInput that is off while busy or inactive.
 */
import {Box, useStdout} from 'ink';
import Spinner from 'ink-spinner';
import React from 'react';
import type {Credentials} from '../../api/types.js';
import {API_KEY_LENGTH} from '../../domain/credential-rules.js';
import type {BtalkError} from '../../errors.js';
import {looksLikeBasicHeader} from '../../secrets/basic-header.js';
import {ErrorBlock} from '../components/error-block.js';
import {Footer} from '../components/footer.js';
import {textInputAction} from '../components/text-input-state.js';
import {TextInput} from '../components/text-input.js';
import {useTheme} from '../theme.js';
import {useKeys} from '../use-keys.js';
import {useStore} from '../use-store.js';
import {CREDENTIAL_FIELDS, credentialsFormReducer, credentialsFormState, submittable} from './credentials-form-state.js';
import {Text} from '../components/text.js';

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
  /** What Esc does, in the key line ("cancel", or "back" to an access check that passed). */
  cancelLabel?: string | undefined;
}

export function CredentialsForm(props: CredentialsFormProps): React.JSX.Element {
  const {initial, onSubmit, onCancel, error, busy = false, isActive = true} = props;
  const theme = useTheme();
  const [form, dispatch, get] = useStore(credentialsFormReducer, () => credentialsFormState(initial, props.initialFocus));
  const {fields, focus, problems} = form;
  const {stdout} = useStdout();
  const columns = stdout.columns && stdout.columns > 0 ? stdout.columns : 80;

  // The form each earlier key left, rendered or not (see key-paced-stdin.ts).
  useKeys(
    (input, key) => {
      if (key.escape) return onCancel();
      if (key.tab) return dispatch({type: 'move', by: key.shift ? -1 : 1});
      if (key.upArrow) return dispatch({type: 'move', by: -1});
      if (key.downArrow) return dispatch({type: 'move', by: 1});
      if (key.return) {
        if (get().focus < CREDENTIAL_FIELDS.length - 1) return dispatch({type: 'move', by: 1});
        dispatch({type: 'submit-tried'});
        const credentials = submittable(get());
        if (credentials) onSubmit(credentials);
        return;
      }
      const edit = textInputAction(input, key);
      if (edit) dispatch({type: 'edit', edit});
    },
    {isActive: isActive && !busy},
  );

  return (
    <Box flexDirection="column">
      <Text bold>Business Talk credentials</Text>
      <Text dimColor>From the Orange Developer dashboard (client id and secret) and your Business Talk API key.</Text>
      <Text dimColor>Or paste the MyApps "Authorization: Basic …" value as the client id.</Text>
      {props.notice ? <Text color={theme.warning}>{`⚠ ${props.notice}`}</Text> : null}
      {form.decoded ? <Text color={theme.success}>{`✓ ${form.decoded}`}</Text> : null}
      <Box flexDirection="column" marginTop={1}>
        {CREDENTIAL_FIELDS.map(({field, label, masked}, index) => {
          const value = fields[field].value;
          const focused = index === focus && !busy;
          // The count and a problem share the line with a masked field: it stays one line.
          const extra = (field === 'apiKey' && value.length > 0 ? 9 : 0) + (problems[field] ? problems[field]!.length + 2 : 0);
          return (
            <Box key={field}>
              <Text color={focused ? theme.accent : undefined}>{focused ? '› ' : '  '}</Text>
              <Box width={15}>
                <Text bold={focused}>{label}</Text>
              </Box>
              {/* A pasted Basic value holds the secret: masked like it until it is decoded. */}
              <TextInput state={fields[field]} focused={focused} masked={masked || looksLikeBasicHeader(value)} width={Math.max(8, columns - 17 - extra)} />
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
        <Footer
          hints={[
            ['Tab/↓', 'next'],
            ['↑', 'previous'],
            ['←→ Home End', 'move in the field'],
            ['Enter on the last', 'check'],
            ['Ctrl+U', 'clear'],
            ['Esc', props.cancelLabel ?? 'cancel'],
          ]}
        />
      ) : null}
    </Box>
  );
}
