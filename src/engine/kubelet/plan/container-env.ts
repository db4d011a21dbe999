// A container's environment as the kubelet builds it: what the runtime provides (POD_IP, PORT, POD_NAME,
// POD_NAMESPACE, HOSTNAME), then the image's env, then the container's `env` with valueFrom references
// resolved and $(VAR) references expanded. A missing ConfigMap/Secret key is CreateContainerConfigError.
import type { ConfigMap, Container, EnvVar, Pod, Secret } from '../../../api/core-v1.js';

/** What the environment is computed from. */
export interface EnvInputs {
  readonly pod: Pod;
  readonly container: Container;
  readonly podIP: string;
  readonly hostIP: string;
  readonly nodeName: string;
  readonly imageEnv: Readonly<Record<string, string>>;
  readonly configMaps: ReadonlyMap<string, ConfigMap>;
  readonly secrets: ReadonlyMap<string, Secret>;
}

/** The environment, or why it cannot be built (shown as CreateContainerConfigError). */
export type EnvResult = { readonly ok: true; readonly env: Record<string, string> } | { readonly ok: false; readonly message: string };

/**
 * Expands `$(NAME)` from `env`; `$$(NAME)` stays literal `$(NAME)` and unknown names stay as written.
 * Example: with A=x, `$(A)-$(B)-$$(A)` → `x-$(B)-$(A)`.
 */
export function expandVars(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(/\$\$\(|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (whole, name: string | undefined) => {
    if (name === undefined) return '$(';
    return Object.hasOwn(env, name) ? (env[name] ?? '') : whole;
  });
}

/** Value of a downward-API fieldPath such as `metadata.labels['app']` or `status.podIP`. */
export function fieldRefValue(i: EnvInputs, fieldPath: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (m !== null) return (m[1] === 'labels' ? i.pod.metadata.labels : i.pod.metadata.annotations)?.[m[2] ?? ''] ?? '';
  switch (fieldPath) {
    case 'metadata.name': return i.pod.metadata.name ?? '';
    case 'metadata.namespace': return i.pod.metadata.namespace ?? '';
    case 'metadata.uid': return i.pod.metadata.uid ?? '';
    case 'spec.nodeName': return i.nodeName;
    case 'spec.serviceAccountName': return i.pod.spec.serviceAccountName ?? 'default';
    case 'status.podIP': case 'status.podIPs': return i.podIP;
    case 'status.hostIP': case 'status.hostIPs': return i.hostIP;
    default: return '';
  }
}

type Lookup = { ok: true; value: string | undefined } | { ok: false; message: string };

function keyRef(kind: 'ConfigMap' | 'Secret', i: EnvInputs, ref: { name: string; key: string; optional?: boolean }): Lookup {
  const ns = i.pod.metadata.namespace ?? 'default';
  const found = kind === 'ConfigMap' ? i.configMaps.has(ref.name) : i.secrets.has(ref.name);
  if (!found) return ref.optional === true ? { ok: true, value: undefined } : { ok: false, message: `${kind.toLowerCase()} "${ref.name}" not found` };
  const value = kind === 'ConfigMap' ? i.configMaps.get(ref.name)?.data?.[ref.key] : secretValue(i.secrets.get(ref.name), ref.key);
  if (value === undefined && ref.optional !== true) return { ok: false, message: `couldn't find key ${ref.key} in ${kind} ${ns}/${ref.name}` };
  return { ok: true, value };
}

function secretValue(s: Readonly<Secret> | undefined, key: string): string | undefined {
  const data = s?.data?.[key];
  return data !== undefined ? Buffer.from(data, 'base64').toString('utf8') : s?.stringData?.[key];
}

function resourceValue(c: Readonly<Container>, resource: string): string {
  const [section, name] = resource.split('.');
  const block = section !== undefined ? c.resources?.[section] : undefined;
  const v = typeof block === 'object' && block !== null && name !== undefined ? Object.entries(block).find(([k]) => k === name)?.[1] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '0';
}

function valueOf(i: EnvInputs, e: Readonly<EnvVar>, env: Readonly<Record<string, string>>): Lookup {
  const from = e.valueFrom;
  if (from === undefined) return { ok: true, value: expandVars(e.value ?? '', env) };
  if (from.fieldRef !== undefined) return { ok: true, value: fieldRefValue(i, from.fieldRef.fieldPath) };
  if (from.configMapKeyRef !== undefined) return keyRef('ConfigMap', i, from.configMapKeyRef);
  if (from.secretKeyRef !== undefined) return keyRef('Secret', i, from.secretKeyRef);
  if (from.resourceFieldRef !== undefined) return { ok: true, value: resourceValue(i.container, from.resourceFieldRef.resource) };
  return { ok: true, value: '' };
}

/** The runtime-provided variables: POD_IP, PORT (first containerPort), POD_NAME, POD_NAMESPACE, HOSTNAME. */
export function runtimeEnv(i: Pick<EnvInputs, 'pod' | 'container' | 'podIP'>): Record<string, string> {
  const env: Record<string, string> = {
    POD_IP: i.podIP, POD_NAME: i.pod.metadata.name ?? '', POD_NAMESPACE: i.pod.metadata.namespace ?? 'default',
    HOSTNAME: i.pod.spec.hostname ?? i.pod.metadata.name ?? '',
  };
  const port = i.container.ports?.[0]?.containerPort;
  if (port !== undefined) env['PORT'] = String(port);
  return env;
}

/** The full environment of a container (without the host basics such as PATH, which apply adds). */
export function computeContainerEnv(i: EnvInputs): EnvResult {
  const env: Record<string, string> = { ...runtimeEnv(i), ...i.imageEnv };
  for (const e of i.container.env ?? []) {
    const v = valueOf(i, e, env);
    if (!v.ok) return v;
    if (v.value !== undefined) env[e.name] = v.value;
  }
  return { ok: true, env };
}
