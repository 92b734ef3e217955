/**
 * POST /customers/{code}/orders and /customers/{code}/orders/voicesite: validates the documented
 * body with the rules the wizard uses (src/domain/site-rules.ts), then creates the voicesite.
 */
import {randomBytes} from 'node:crypto';
import type {IncomingHttpHeaders} from 'node:http';
import {checkOrderFields} from '../domain/site-rules.js';
import {countryFor} from './coverage.js';
import {apiError, json, type Reply} from './replies.js';
import type {EmulatorState} from './state.js';
import type {EmulatorAccount} from './types.js';

export interface OrderInput {
  account: EmulatorAccount;
  customerCode: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  state: EmulatorState;
  /** Called once the voicesite exists (feeds counters.ordersCreated). */
  onCreated: () => void;
}

const PARAMETER_FIELDS = ['technicalSiteName', 'customerSiteLabel', 'country', 'vpnId'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldError(field: string, why: string): Reply {
  return apiError('invalidBodyField', `Invalid body field ${field}: ${why}`);
}

/** Reads and checks the body; a Reply when it is refused. */
function readOrder(input: OrderInput): Reply | {reference: string; parameters: Record<(typeof PARAMETER_FIELDS)[number], string>} {
  const type = (input.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return apiError('unsupportedMediaType', 'The order body must be JSON with "Content-Type: application/json".');
  }
  let body: unknown;
  try {
    body = JSON.parse(input.body.toString('utf8'));
  } catch {
    return apiError('invalidBody', 'The body is not valid JSON.');
  }
  if (!isObject(body)) return apiError('invalidBody', 'The body must be a JSON object.');
  if (body['customerOrderReference'] === undefined) {
    return apiError('missingBodyField', 'Missing body field customerOrderReference.');
  }
  if (typeof body['customerOrderReference'] !== 'string') return fieldError('customerOrderReference', 'must be a string.');
  const parameters = body['parameters'];
  if (parameters === undefined) return apiError('missingBodyField', 'Missing body field parameters.');
  if (!isObject(parameters)) return fieldError('parameters', 'must be an object.');
  const values = {} as Record<(typeof PARAMETER_FIELDS)[number], string>;
  for (const field of PARAMETER_FIELDS) {
    const value = parameters[field];
    if (value === undefined) return apiError('missingBodyField', `Missing body field parameters.${field}.`);
    if (typeof value !== 'string') return fieldError(`parameters.${field}`, 'must be a string.');
    values[field] = value;
  }
  const problems = checkOrderFields({...values, customerOrderReference: body['customerOrderReference']});
  if (problems.length > 0) {
    const named = problems.map((p) => `${p.field === 'customerOrderReference' ? p.field : `parameters.${p.field}`}: ${p.message}`);
    return apiError('invalidBodyField', `Invalid body field ${named.join('; ')}`);
  }
  return {reference: body['customerOrderReference'], parameters: values};
}

/** The emulator's answer to POST /customers/{customerCode}/orders: checks, then creates the voicesite. */
export async function handleOrderPost(input: OrderInput): Promise<Reply> {
  const {account, customerCode, state} = input;
  if (!account.customerCodes.includes(customerCode)) {
    return apiError('forbiddenUser', `Customer ${customerCode} is not managed by this API key.`);
  }
  if (account.rightsProfile === 'readonly') {
    return apiError('forbiddenUser', 'This API key is read-only (rightsProfile "readonly"): it cannot order.');
  }
  const order = readOrder(input);
  if ('status' in order) return order;
  const {technicalSiteName, customerSiteLabel, country, vpnId} = order.parameters;

  if (!state.vpnsOf(customerCode).some((v) => v.vpnId === vpnId)) {
    return fieldError('parameters.vpnId', `VPN "${vpnId}" is not a VPN of customer ${customerCode}.`);
  }
  const found = await countryFor(country);
  if (found === undefined) return fieldError('parameters.country', `"${country}" is not an ISO 3166 country code.`);
  if (found.coverage.businessTalkOnline !== 'Yes') {
    return fieldError('parameters.country', `${found.name} (${country}) is not covered by Business Talk Online.`);
  }
  if (state.siteNameTaken(customerCode, technicalSiteName)) {
    return fieldError('parameters.technicalSiteName', `a voicesite named ${technicalSiteName} already exists for customer ${customerCode}.`);
  }

  const site = state.addVoicesite({technicalSiteName, customerSiteLabel, country, vpnId, customerCode});
  input.onCreated();
  return json(201, {
    orderId: `ord${randomBytes(5).toString('hex')}`,
    customerOrderReference: order.reference,
    productReference: 'voicesite',
    status: 'completed',
    creationDate: site.creationDate,
    customerCode,
    voiceSiteId: site.voiceSiteId,
    parameters: {technicalSiteName, customerSiteLabel, country, vpnId},
  });
}
