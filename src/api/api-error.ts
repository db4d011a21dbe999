// The one closed table of expected API outcomes (tRPC pattern). Every error that crosses the API boundary
// is an ApiError with a reason from REASONS; `toStatus` renders it as metav1.Status.
import type { Status, StatusCause } from './meta.js';

/** Reason → HTTP status code, as the Kubernetes API server uses them. */
export const REASONS = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  AlreadyExists: 409,
  Conflict: 409,
  Gone: 410,
  Expired: 410,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  Invalid: 422,
  TooManyRequests: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
  Timeout: 504,
} as const;

export type Reason = keyof typeof REASONS;

/** Details carried in metav1.Status.details. */
export interface ErrorDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** An expected API outcome: carries its reason, message and details. */
export class ApiError extends Error {
  readonly reason: Reason;
  readonly code: number;
  readonly details: ErrorDetails | undefined;

  constructor(reason: Reason, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'ApiError';
    this.reason = reason;
    this.code = REASONS[reason];
    this.details = details;
  }
}

/** True when `e` is an ApiError, optionally of the given reason. */
export function isApiError(e: unknown, reason?: Reason): e is ApiError {
  return e instanceof ApiError && (reason === undefined || e.reason === reason);
}

/** Renders an ApiError as the metav1.Status body Kubernetes sends. */
export function toStatus(e: ApiError): Status {
  const status: Status = {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: e.message, reason: e.reason, code: e.code,
  };
  if (e.details !== undefined) status.details = e.details;
  return status;
}

/** Converts anything thrown into an ApiError (the one place unknown errors become API errors). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError('InternalError', `Internal error occurred: ${message}`);
}

/** Rebuilds an ApiError from a Status body received from a server. */
export function fromStatus(body: unknown, httpCode: number): ApiError {
  const s = (typeof body === 'object' && body !== null ? body : {}) as Partial<Status>;
  const reason = typeof s.reason === 'string' && s.reason in REASONS ? (s.reason as Reason) : reasonForCode(httpCode);
  const message = typeof s.message === 'string' ? s.message : `the server responded with HTTP ${httpCode}`;
  return new ApiError(reason, message, s.details);
}

function reasonForCode(code: number): Reason {
  const found = (Object.keys(REASONS) as Reason[]).find((r) => REASONS[r] === code);
  return found ?? (code >= 500 ? 'InternalError' : 'BadRequest');
}

/** `replicasets.apps "demo" not found` */
export function notFound(resource: string, group: string, name: string): ApiError {
  return new ApiError('NotFound', `${qualified(resource, group)} "${name}" not found`,
    { name, group, kind: resource });
}

/** `namespaces "x" already exists` */
export function alreadyExists(resource: string, group: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${qualified(resource, group)} "${name}" already exists`,
    { name, group, kind: resource });
}

/** `Operation cannot be fulfilled on deployments.apps "demo": the object has been modified; …` */
export function conflict(resource: string, group: string, name: string, why?: string): ApiError {
  const detail = why ?? 'the object has been modified; please apply your changes to the latest version and try again';
  return new ApiError('Conflict', `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${detail}`,
    { name, group, kind: resource });
}

/** `resource.group`, or just `resource` in the core group. */
export function qualified(resource: string, group: string): string {
  return group === '' ? resource : `${resource}.${group}`;
}
