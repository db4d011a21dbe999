// The status the ingress controller writes on every Ingress it serves, so `kubectl get ingress` shows an
// ADDRESS: `status.loadBalancer.ingress: [{ip: <listen address>}]`.
import type { Ingress } from '../../../api/networking-v1.js';
import { deepEqual } from '../../../lib/deep-equal.js';

type IngressStatus = NonNullable<Ingress['status']>;

/** The new status when it differs from the current one (undefined: nothing to write). */
export function planIngressStatus(ing: Readonly<Ingress>, ip: string): IngressStatus | undefined {
  const desired: IngressStatus = { loadBalancer: { ingress: [{ ip }] } };
  return deepEqual(ing.status?.loadBalancer?.ingress ?? [], desired.loadBalancer?.ingress) ? undefined : { ...ing.status, ...desired };
}
