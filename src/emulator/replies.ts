/**
 * What a handler answers, as a value: the server decides afterwards whether to send it or, for an
 * injected 'reset after' fault, to drop the connection once the action has taken effect.
 */

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Sent as is; undefined for no body. */
  body?: string;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: {'content-type': 'application/json; charset=utf-8', ...headers},
    body: JSON.stringify(value),
  };
}

/**
 * Orange gateway error codes, one table so a real server that disagrees costs one edit. The 400
 * sub-codes are btalk's reading of the Business Talk reference (src/README.md, "Where each API guess
 * lives").
 */
export const API_ERRORS = {
  internal: {status: 500, code: 1, message: 'Internal error'},
  invalidUrlParameter: {status: 400, code: 20, message: 'Invalid URL parameter value'},
  invalidBody: {status: 400, code: 21, message: 'Invalid body'},
  invalidQuery: {status: 400, code: 23, message: 'Invalid query-string parameter value'},
  missingBodyField: {status: 400, code: 26, message: 'Missing body field'},
  invalidBodyField: {status: 400, code: 27, message: 'Invalid body field'},
  missingCredentials: {status: 401, code: 40, message: 'Missing credentials'},
  invalidCredentials: {status: 401, code: 41, message: 'Invalid credentials'},
  expiredCredentials: {status: 401, code: 42, message: 'Expired credentials'},
  accessDenied: {status: 403, code: 50, message: 'Access denied'},
  forbiddenUser: {status: 403, code: 52, message: 'Forbidden user'},
  notFound: {status: 404, code: 60, message: 'Resource not found'},
  methodNotAllowed: {status: 405, code: 61, message: 'Method not allowed'},
  notAcceptable: {status: 406, code: 62, message: 'Not acceptable'},
  unsupportedMediaType: {status: 415, code: 68, message: 'Unsupported media type'},
} as const;

export type ApiErrorName = keyof typeof API_ERRORS;

export function apiError(name: ApiErrorName, description: string, headers: Record<string, string> = {}): Reply {
  const {status, code, message} = API_ERRORS[name];
  return json(status, {code, message, description}, headers);
}

/** RFC 6749 5.2 errors of the token endpoint. */
export function oauthError(status: number, error: string, description: string): Reply {
  const headers: Record<string, string> = {'cache-control': 'no-store', pragma: 'no-cache'};
  if (status === 401) headers['www-authenticate'] = 'Basic realm="Authorization Required"';
  return json(status, {error, error_description: description}, headers);
}
