// The review resources kubectl's `auth` commands create: SelfSubjectAccessReview (`auth can-i`),
// SelfSubjectRulesReview (`auth can-i --list`) and SelfSubjectReview (`auth whoami`). The embedded runtime has one
// admin bearer token and stores RBAC objects without enforcing them, so every review says yes, and says why.
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { jsonResponse } from '../http-types.js';
import type { ResourceRequest } from '../request-info.js';

const REASON = 'the Sluice runtime has one admin token; RBAC objects are stored, not enforced';

/** The user behind the runtime's token. */
export const RUNTIME_USER = { username: 'sluice-admin', groups: ['system:masters', 'system:authenticated'] };

/** The response to a review request, or undefined when `info` is not one. */
export function selfReview(req: ApiRequest, info: ResourceRequest): ApiResponse | undefined {
  if (req.method !== 'POST' || info.namespace !== undefined || info.name !== undefined) return undefined;
  const gv = `${info.group}/${info.version}`;
  if (gv === 'authorization.k8s.io/v1' && info.resource === 'selfsubjectaccessreviews') {
    return jsonResponse(201, { kind: 'SelfSubjectAccessReview', apiVersion: gv, metadata: {}, spec: {}, status: { allowed: true, reason: REASON } });
  }
  if (gv === 'authorization.k8s.io/v1' && info.resource === 'selfsubjectrulesreviews') {
    return jsonResponse(201, {
      kind: 'SelfSubjectRulesReview', apiVersion: gv, metadata: {}, spec: {},
      status: { resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }], incomplete: false },
    });
  }
  if (gv === 'authentication.k8s.io/v1' && info.resource === 'selfsubjectreviews') {
    return jsonResponse(201, { kind: 'SelfSubjectReview', apiVersion: gv, metadata: {}, status: { userInfo: RUNTIME_USER } });
  }
  return undefined;
}
