import {describe, expect, it} from 'vitest';
import {parseErrorBody} from '../../src/api/error-body.js';

describe('error bodies', () => {
  it('reads one Orange error object', () => {
    expect(parseErrorBody('{"code":60,"message":"Resource not found","description":"No such VPN"}')).toEqual({
      apiCode: 60,
      apiMessage: 'Resource not found',
      apiDescription: 'No such VPN',
    });
  });

  it('accepts a numeric string code', () => {
    expect(parseErrorBody('{"code":"42","message":"Expired credentials"}').apiCode).toBe(42);
  });

  it('takes the first of an array and keeps the others in the description', () => {
    const body = JSON.stringify([
      {code: 27, message: 'Invalid body field', description: 'technicalSiteName'},
      {code: 26, message: 'Missing body field', description: 'vpnId'},
    ]);
    expect(parseErrorBody(body)).toEqual({
      apiCode: 27,
      apiMessage: 'Invalid body field',
      apiDescription: 'technicalSiteName; code 26: Missing body field: vpnId',
    });
  });

  it('reads OAuth errors', () => {
    expect(parseErrorBody('{"error":"invalid_client","error_description":"bad secret"}')).toEqual({apiMessage: 'invalid_client', apiDescription: 'bad secret'});
  });

  it('says what the body was when it is not an API error', () => {
    expect(parseErrorBody('<!DOCTYPE html><html><body>Bad Gateway</body></html>').bodyNote).toBe('with an HTML page instead of JSON');
    expect(parseErrorBody('Bad Gateway', 'text/html; charset=utf-8').bodyNote).toBe('with an HTML page instead of JSON');
    expect(parseErrorBody('{"code": 1, "mess').bodyNote).toBe('with a body that is not valid JSON');
    expect(parseErrorBody('').bodyNote).toBe('with an empty body');
    expect(parseErrorBody('[]').bodyNote).toBe('with an empty error list');
    expect(parseErrorBody('{"unrelated":true}').bodyNote).toBe('with JSON that is not an API error');
    expect(parseErrorBody('"text"').bodyNote).toBe('with JSON that is not an API error');
  });
});
