/** The credentials the fuzzed client holds, and every form in which a hostile server may reflect them. */
import {basicAuthorization, formUrlEncode} from '../../../src/api/basic-auth.js';

const credentials = {clientId: 'fuzz-client-id', clientSecret: 'fuzz-Secret/+=9Qx', apiKey: 'FuzzKey0123456789abcdefghijklmnopqrstuvw'};
const accessToken = 'fuzzAccessToken-7Zq.x';
const basic = basicAuthorization(credentials.clientId, credentials.clientSecret).slice('Basic '.length);

export const FUZZ_SECRETS = {
  credentials,
  accessToken,
  /** What must never be shown: each secret as it is and as it travels (the access token once the client holds it). */
  values: [credentials.clientSecret, credentials.apiKey, accessToken, basic, encodeURIComponent(credentials.clientSecret), formUrlEncode(credentials.clientSecret)],
  reflections: [
    credentials.apiKey,
    credentials.clientSecret,
    encodeURIComponent(credentials.clientSecret),
    formUrlEncode(credentials.clientSecret),
    `Bearer ${accessToken}`,
    `Basic ${basic}`,
    `x-bt-api-key: ${credentials.apiKey}`,
    `authorization=Basic%20${basic}`,
    `key ${credentials.apiKey}\nFORGED-LINE ${accessToken}`,
  ],
};
