// The configuration failure of a traffic router. The rollouts controller turns it into Argo's
// `TrafficRoutingError` Warning event (it matches on `name === 'RouterError'`).
import { isApiError } from '../../api/api-error.js';

/** Who failed: the Rollout (`namespace/name`), the router type, and the object (`Kind "name"`). */
export interface RouterErrorSource {
  readonly rollout: string;
  readonly router: string;
  readonly object: string;
}

/**
 * A router could not do its job because of the objects it was pointed at, e.g.
 * `Ingress "demo-ingress" has no rule whose backend is service "demo-stable"`. The message names the object;
 * `rollout`, `router` and `object` say who and what.
 */
export class RouterError extends Error {
  override readonly name = 'RouterError';
  readonly rollout: string;
  readonly router: string;
  readonly object: string;

  constructor(source: RouterErrorSource, message: string, options?: ErrorOptions) {
    super(message, options);
    this.rollout = source.rollout;
    this.router = source.router;
    this.object = source.object;
  }
}

/** True when `e` is a RouterError. */
export function isRouterError(e: unknown): e is RouterError {
  return e instanceof RouterError;
}

/**
 * A NotFound from reading an object the Rollout names becomes a RouterError (`VirtualService "vs" not found in
 * namespace "default"`); anything else is rethrown unchanged.
 */
export function rethrowNotFound(e: unknown, source: RouterErrorSource, namespace: string): never {
  if (isApiError(e, 'NotFound')) throw new RouterError(source, `${source.object} not found in namespace "${namespace}"`, { cause: e });
  throw e;
}
