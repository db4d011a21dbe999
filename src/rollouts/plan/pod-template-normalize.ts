// A normal form of a pod template for hashing and comparison: nulls and empty maps/lists dropped (Kubernetes'
// semantic equality treats nil and empty alike; kubectl sends `creationTimestamp: null`), and the core/v1 defaults
// the API server fills in applied, so a template read back from a ReplicaSet equals the one in the Rollout.
import type { PodTemplateSpec } from '../../api/core-v1.js';
import { isJsonObject } from '../../api/meta.js';

type Json = Record<string, unknown>;

/** The normal form of a template (a new value; the input is not touched). */
export function normalizePodTemplate(t: Readonly<PodTemplateSpec>): unknown {
  const spec: Json = { ...t.spec };
  const withDefaults: Json = {
    ...(t.metadata !== undefined ? { metadata: t.metadata } : {}),
    spec: {
      restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30, securityContext: {},
      ...spec,
      containers: containerList(spec['containers']),
      ...(spec['initContainers'] !== undefined ? { initContainers: containerList(spec['initContainers']) } : {}),
    },
  };
  return prune(withDefaults);
}

function containerList(v: unknown): unknown[] {
  return Array.isArray(v) ? v.map((c) => (isJsonObject(c) ? containerDefaults(c) : c)) : [];
}

function containerDefaults(c: Json): Json {
  const image = typeof c['image'] === 'string' ? c['image'] : '';
  const out: Json = {
    terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
    imagePullPolicy: pullPolicyFor(image), ...c,
  };
  if (Array.isArray(c['ports'])) out['ports'] = c['ports'].map((p) => (isJsonObject(p) ? { protocol: 'TCP', ...p } : p));
  for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
    const p = c[probe];
    if (isJsonObject(p)) out[probe] = probeDefaults(p);
  }
  return out;
}

// Kubernetes: `:latest` or no tag → Always, otherwise IfNotPresent (a digest counts as a tag).
function pullPolicyFor(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  return colon < 0 || lastSegment.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function probeDefaults(p: Json): Json {
  const out: Json = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, ...p };
  const http = p['httpGet'];
  if (isJsonObject(http)) out['httpGet'] = { scheme: 'HTTP', ...http };
  return out;
}

/** Drops null/undefined members and empty objects/arrays, recursively. */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (!isJsonObject(v)) return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    const p = prune(x);
    if (p === null || p === undefined) continue;
    if (Array.isArray(p) && p.length === 0) continue;
    if (isJsonObject(p) && Object.keys(p).length === 0) continue;
    out[k] = p;
  }
  return out;
}
