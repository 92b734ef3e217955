/**
 * A tiny router: 'METHOD /pattern' keys with ':name' segments. The keys double as fault routes and
 * counter names, so tests say 'POST /customers/:customerCode/orders' everywhere.
 */

export interface Match<H> {
  key: string;
  params: Record<string, string>;
  handler: H;
}

export type RouteResult<H> = {kind: 'found'; match: Match<H>} | {kind: 'not-found'} | {kind: 'method-not-allowed'; allow: string[]};

interface Route<H> {
  key: string;
  method: string;
  segments: string[];
  handler: H;
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(key: string, handler: H): this {
    const [method, pattern] = key.split(' ');
    if (!method || !pattern) throw new Error(`Bad route key "${key}"`);
    this.routes.push({key, method, segments: split(pattern), handler});
    return this;
  }

  match(method: string, path: string): RouteResult<H> {
    let parts: string[];
    try {
      parts = split(path).map((s) => decodeURIComponent(s));
    } catch {
      return {kind: 'not-found'};
    }
    const allow: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (params === undefined) continue;
      if (route.method === method) return {kind: 'found', match: {key: route.key, params, handler: route.handler}};
      allow.push(route.method);
    }
    return allow.length > 0 ? {kind: 'method-not-allowed', allow} : {kind: 'not-found'};
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] as string;
    const got = parts[i] as string;
    if (want.startsWith(':')) params[want.slice(1)] = got;
    else if (want !== got) return undefined;
  }
  return params;
}

/** 'POST /customers/:code/orders' and 'POST /customers/:customerCode/orders' name the same route. */
export function sameRoute(a: string, b: string): boolean {
  const norm = (k: string) => k.trim().replace(/\s+/, ' ').replace(/\/:[^/]+/g, '/:').replace(/\/+$/, '');
  const [ma, pa] = norm(a).split(' ');
  const [mb, pb] = norm(b).split(' ');
  return ma?.toUpperCase() === mb?.toUpperCase() && pa === pb;
}
