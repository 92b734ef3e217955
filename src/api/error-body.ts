/**
 * Reading what a failed response carried. Orange gateways send one `{code, message, description}`
 * object, the Business Talk reference declares an array of them, OAuth errors use
 * `{error, error_description}`, and proxies or gateways send HTML pages. Each becomes plain fields
 * plus, when the body was not usable JSON, a phrase saying what it was instead.
 */
import {ApiErrorBodySchema, OAuthErrorSchema} from './schemas.js';

export interface ErrorBody {
  apiCode?: number;
  apiMessage?: string;
  apiDescription?: string;
  /** e.g. "with an HTML page instead of JSON"; undefined when the body was JSON. */
  bodyNote?: string;
}

type Item = {code?: number | undefined; message?: string | undefined; description?: string | undefined};

function describeItem(item: Item): string {
  return [item.code === undefined ? undefined : `code ${item.code}`, item.message, item.description].filter(Boolean).join(': ');
}

function looksLikeHtml(body: string, contentType: string | undefined): boolean {
  return /html/i.test(contentType ?? '') || /^\s*<(!doctype|html|head|body|\?xml)?/i.test(body);
}

export function parseErrorBody(body: string, contentType?: string): ErrorBody {
  if (body.trim() === '') return {bodyNote: 'with an empty body'};
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return {bodyNote: looksLikeHtml(body, contentType) ? 'with an HTML page instead of JSON' : 'with a body that is not valid JSON'};
  }
  const oauth = OAuthErrorSchema.safeParse(json);
  if (oauth.success) {
    return {apiMessage: oauth.data.error, ...(oauth.data.error_description ? {apiDescription: oauth.data.error_description} : {})};
  }
  const parsed = ApiErrorBodySchema.safeParse(json);
  if (!parsed.success) return {bodyNote: 'with JSON that is not an API error'};
  const items: Item[] = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const [first, ...others] = items;
  if (!first) return {bodyNote: 'with an empty error list'};
  if (first.code === undefined && !first.message && !first.description) return {bodyNote: 'with JSON that is not an API error'};
  const description = [first.description, ...others.map(describeItem)].filter(Boolean).join('; ');
  return {
    ...(first.code === undefined ? {} : {apiCode: first.code}),
    ...(first.message ? {apiMessage: first.message} : {}),
    ...(description ? {apiDescription: description} : {}),
  };
}
