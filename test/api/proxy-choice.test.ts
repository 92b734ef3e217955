import {describe, expect, it} from 'vitest';
import {BtalkError} from '../../src/errors.js';
import {proxyAgentFor} from '../../src/api/proxy-agent.js';
import {displayProxy, proxyForUrl} from '../../src/api/proxy.js';

const ORANGE = 'https://api.orange.com/btalk/beta/v1';

describe('proxy choice (proxy-from-env rules, injected environment)', () => {
  it('uses HTTPS_PROXY for https targets, lower case first', () => {
    expect(proxyForUrl(ORANGE, {HTTPS_PROXY: 'http://proxy:3128'})).toBe('http://proxy:3128');
    expect(proxyForUrl(ORANGE, {https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2'})).toBe('http://lower:1');
  });

  it('does not use HTTP_PROXY for https targets, but falls back to ALL_PROXY', () => {
    expect(proxyForUrl(ORANGE, {HTTP_PROXY: 'http://proxy:3128'})).toBeUndefined();
    expect(proxyForUrl(ORANGE, {ALL_PROXY: 'http://all:8080'})).toBe('http://all:8080');
  });

  it('reads a proxy given without a scheme as an HTTP proxy, as curl does', () => {
    expect(proxyForUrl(ORANGE, {HTTPS_PROXY: 'proxy:3128'})).toBe('http://proxy:3128');
    expect(proxyForUrl(ORANGE, {all_proxy: '10.0.0.1:8080'})).toBe('http://10.0.0.1:8080');
  });

  it('a proxy variable that is no URL is said so, without its value (it may hold a password)', () => {
    let thrown: unknown;
    try {
      proxyAgentFor(ORANGE, {HTTPS_PROXY: 'http://user:S3CRETpw@[bad:48006'}, {connectMs: 10_000});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BtalkError);
    expect((thrown as BtalkError).kind).toBe('usage');
    expect((thrown as BtalkError).message).toBe('The proxy for api.orange.com (HTTPS_PROXY, https_proxy or ALL_PROXY) is not a valid URL; its value is not shown, as it may hold a password.');
    expect(JSON.stringify(thrown)).not.toContain('S3CRET');
  });

  it('bypasses hosts listed in NO_PROXY: exact, suffix, wildcard, port', () => {
    const env = {HTTPS_PROXY: 'http://proxy:3128'};
    expect(proxyForUrl(ORANGE, {...env, NO_PROXY: 'api.orange.com'})).toBeUndefined();
    expect(proxyForUrl(ORANGE, {...env, no_proxy: '.orange.com'})).toBeUndefined();
    expect(proxyForUrl(ORANGE, {...env, NO_PROXY: '*.orange.com'})).toBeUndefined();
    expect(proxyForUrl(ORANGE, {...env, NO_PROXY: '*'})).toBeUndefined();
    expect(proxyForUrl(ORANGE, {...env, NO_PROXY: 'api.orange.com:443'})).toBeUndefined();
    expect(proxyForUrl(ORANGE, {...env, NO_PROXY: 'api.orange.com:8443'})).toBe('http://proxy:3128');
    expect(proxyForUrl(ORANGE, {...env, NO_PROXY: 'example.com, other.org'})).toBe('http://proxy:3128');
    // A name covers its subdomains, as curl reads it; only whole labels match.
    expect(proxyForUrl(ORANGE, {...env, NO_PROXY: 'orange.com'})).toBeUndefined();
    expect(proxyForUrl(ORANGE, {...env, NO_PROXY: 'range.com'})).toBe('http://proxy:3128');
  });

  it('never proxies loopback hosts', () => {
    const env = {HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128', ALL_PROXY: 'http://proxy:3128'};
    expect(proxyForUrl('http://127.0.0.1:8080/btalk/beta/v1', env)).toBeUndefined();
    expect(proxyForUrl('http://localhost:8080/btalk/beta/v1', env)).toBeUndefined();
    expect(proxyForUrl('http://[::1]:8080/btalk/beta/v1', env)).toBeUndefined();
  });

  it('builds an https proxy agent and a display name without credentials', () => {
    const choice = proxyAgentFor(ORANGE, {HTTPS_PROXY: 'http://user:pa55@proxy.corp:3128'}, {connectMs: 10_000});
    expect(choice.agent?.https).toBeDefined();
    expect(choice.proxy).toBe('http://proxy.corp:3128');
    expect(displayProxy('http://user:pa55@proxy.corp:3128')).not.toContain('pa55');
    expect(proxyAgentFor(ORANGE, {}, {connectMs: 10_000})).toEqual({});
  });
});
