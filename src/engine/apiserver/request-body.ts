// Decodes request bodies: JSON (also when no Content-Type is sent, as `kubectl scale --current-replicas`
// does), YAML, and kubectl's protobuf envelope. Enforces the body size limit.
import { parse as parseYaml } from 'yaml';
import { ApiError } from '../../api/api-error.js';
import { decodeKubeObject, type KubeObject } from '../../api/meta.js';
import { decodeProtobufBody } from './protobuf-body.js';
import type { ApiRequest } from './http-types.js';

/** The API server's request body limit (Kubernetes: 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** The media type of the request without parameters, lower-cased; '' when absent. */
export function contentType(req: ApiRequest): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Parses the body as JSON or YAML into an unknown value. */
export function parseBody(req: ApiRequest): unknown {
  const body = req.body;
  if (body === undefined || body.length === 0) throw new ApiError('BadRequest', 'the request body is empty');
  if (body.length > MAX_BODY_BYTES) {
    throw new ApiError('RequestEntityTooLarge', `the request body is too large: ${body.length} bytes (limit ${MAX_BODY_BYTES})`);
  }
  const text = Buffer.from(body).toString('utf8');
  const type = contentType(req);
  try {
    if (type === 'application/yaml' || type === 'application/apply-patch+yaml') return parseYaml(text);
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ApiError('BadRequest', `the request body could not be decoded: ${type.includes('yaml') ? 'yaml' : 'json'} parse error: ${why}`);
  }
}

/** Decodes a create/update body into an object (protobuf, JSON or YAML). */
export function decodeObjectBody(req: ApiRequest): KubeObject {
  const type = contentType(req);
  if (type === 'application/vnd.kubernetes.protobuf') {
    if (req.body === undefined) throw new ApiError('BadRequest', 'the request body is empty');
    return decodeProtobufBody(req.body);
  }
  // A server-side apply of an object that does not exist yet creates it from the applied YAML.
  if (type !== '' && type !== 'application/json' && type !== 'application/yaml' && type !== 'application/apply-patch+yaml' && type !== '*/*') {
    throw new ApiError('UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  const value = parseBody(req);
  try {
    return decodeKubeObject(value);
  } catch {
    throw new ApiError('BadRequest', `the request body must be a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
}
