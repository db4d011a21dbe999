// Paths that are not resources: /version, discovery, OpenAPI, health checks.
import { ApiError } from '../../api/api-error.js';
import { jsonResponse, type ApiRequest, type ApiResponse } from './http-types.js';
import { aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery.js';
import type { Registry } from './registry/registry.js';

/** What `/version` reports. kubectl's version dispatcher picks its minor version from it, so minor is "32". */
export const VERSION_INFO = {
  major: '1', minor: '32', gitVersion: 'v1.32.0-sluice', gitCommit: '', gitTreeState: 'clean',
  buildDate: '2026-11-26T00:00:00Z', goVersion: 'n/a', compiler: 'sluice', platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
};

function aggregatedVersion(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  if (!accept || !accept.includes('as=APIGroupDiscoveryList')) return undefined;
  return /v=v2(?!beta)/.test(accept) ? 'v2' : 'v2beta1';
}

function text(status: number, body: string): ApiResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

/** Handles a non-resource path, or returns undefined when the path is not one. */
export function handleNonResource(registry: Registry, req: ApiRequest, serverAddress: string): ApiResponse | undefined {
  const path = req.path.replace(/\/+$/, '') || '/';
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  switch (path) {
    case '/version': return jsonResponse(200, VERSION_INFO);
    case '/healthz': case '/livez': case '/readyz': return text(200, 'ok');
    case '/openapi/v2':
      // An empty document: kubectl then skips client-side schema validation and relies on the server's.
      return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: '' };
    case '/openapi/v3': throw new ApiError('NotFound', 'the server could not find the requested resource');
    case '/api': case '/apis': {
      const core = path === '/api';
      const agg = aggregatedVersion(req.headers['accept']);
      if (agg) {
        return jsonResponse(200, aggregatedDiscovery(registry, core, agg),
          { 'content-type': `application/json;g=apidiscovery.k8s.io;v=${agg};as=APIGroupDiscoveryList` });
      }
      return jsonResponse(200, core ? apiVersions(serverAddress) : apiGroupList(registry));
    }
    case '/': return jsonResponse(200, { paths: ['/api', '/api/v1', '/apis', '/healthz', '/livez', '/openapi/v2', '/readyz', '/version'] });
  }
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'api' && parts.length === 2) return orNotFound(apiResourceList(registry, '', parts[1] ?? ''));
  if (parts[0] === 'apis' && parts.length === 2) return orNotFound(apiGroup(registry, parts[1] ?? ''));
  if (parts[0] === 'apis' && parts.length === 3) return orNotFound(apiResourceList(registry, parts[1] ?? '', parts[2] ?? ''));
  return undefined;
}

function orNotFound(doc: Record<string, unknown> | undefined): ApiResponse {
  if (!doc) throw new ApiError('NotFound', 'the server could not find the requested resource');
  return jsonResponse(200, doc);
}
