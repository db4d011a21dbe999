// Defaults for pod specs, pod templates and containers (core/v1 defaults.go and the generated
// declarative defaults, 1.32). Functions mutate the fresh copy that defaultObject made.
import { asObject, asString, ensureObject, isAbsent, objectsOf, setDefault, setDefaultString, type JsonObject } from './_json.js';

/** Tag of an image reference; `latest` when neither tag nor digest is given, '' for digest-only or empty references. */
export function imageTag(image: string): string {
  if (image === '') return '';
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) return name.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

function defaultHTTPGet(handler: JsonObject): void {
  const httpGet = asObject(handler['httpGet']);
  if (httpGet === undefined) return;
  setDefaultString(httpGet, 'path', '/');
  setDefaultString(httpGet, 'scheme', 'HTTP');
}

/** Probe defaults: timeout 1 s, period 10 s, success 1, failure 3; httpGet path `/` and scheme HTTP. */
export function defaultProbe(probe: JsonObject): void {
  for (const [k, v] of [['timeoutSeconds', 1], ['periodSeconds', 10], ['successThreshold', 1], ['failureThreshold', 3]] as const) {
    if (isAbsent(probe[k]) || probe[k] === 0) probe[k] = v;
  }
  defaultHTTPGet(probe);
  const grpc = asObject(probe['grpc']);
  if (grpc !== undefined) setDefault(grpc, 'service', '');
}

/** Container defaults: pull policy from the tag, termination message, `resources: {}`, port protocols, probes. */
export function defaultContainer(c: JsonObject): void {
  const tag = imageTag(asString(c['image']) ?? '');
  setDefaultString(c, 'imagePullPolicy', tag === 'latest' ? 'Always' : 'IfNotPresent');
  setDefaultString(c, 'terminationMessagePath', '/dev/termination-log');
  setDefaultString(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'resources', {});
  for (const port of objectsOf(c['ports'])) setDefaultString(port, 'protocol', 'TCP');
  for (const env of objectsOf(c['env'])) {
    const fieldRef = asObject(asObject(env['valueFrom'])?.['fieldRef']);
    if (fieldRef !== undefined) setDefaultString(fieldRef, 'apiVersion', 'v1');
  }
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = asObject(c[kind]);
    if (probe !== undefined) defaultProbe(probe);
  }
  const lifecycle = asObject(c['lifecycle']);
  for (const hook of ['postStart', 'preStop']) {
    const handler = asObject(lifecycle?.[hook]);
    if (handler !== undefined) defaultHTTPGet(handler);
  }
}

const VOLUME_MODE_SOURCES = ['secret', 'configMap', 'downwardAPI', 'projected'];
const DEFAULT_MODE_0644 = 420;

function defaultVolume(volume: JsonObject): void {
  const sources = Object.keys(volume).filter((k) => k !== 'name' && asObject(volume[k]) !== undefined);
  if (sources.length === 0) volume['emptyDir'] = {};
  for (const s of VOLUME_MODE_SOURCES) {
    const source = asObject(volume[s]);
    if (source !== undefined) setDefault(source, 'defaultMode', DEFAULT_MODE_0644);
  }
  const hostPath = asObject(volume['hostPath']);
  if (hostPath !== undefined) setDefault(hostPath, 'type', '');
  for (const p of objectsOf(asObject(volume['projected'])?.['sources'])) {
    const token = asObject(p['serviceAccountToken']);
    if (token !== undefined) setDefault(token, 'expirationSeconds', 3600);
  }
}

/** PodSpec defaults shared by Pods and templates (SetDefaults_PodSpec and the per-field defaults). */
export function defaultPodSpec(spec: JsonObject): void {
  setDefaultString(spec, 'dnsPolicy', 'ClusterFirst');
  setDefaultString(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefaultString(spec, 'schedulerName', 'default-scheduler');
  // v1 conversion keeps the deprecated serviceAccount field equal to serviceAccountName.
  if ((asString(spec['serviceAccountName']) ?? '') === '' && (asString(spec['serviceAccount']) ?? '') !== '') spec['serviceAccountName'] = spec['serviceAccount'];
  if ((asString(spec['serviceAccountName']) ?? '') !== '') spec['serviceAccount'] = spec['serviceAccountName'];
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) objectsOf(spec[list]).forEach(defaultContainer);
  objectsOf(spec['volumes']).forEach(defaultVolume);
}

/** Pod-only defaults (SetDefaults_Pod): enableServiceLinks, requests from limits, host-network host ports. */
export function defaultPod(pod: JsonObject): void {
  const spec = ensureObject(pod, 'spec');
  if (spec === undefined) return;
  defaultPodSpec(spec);
  setDefault(spec, 'enableServiceLinks', true);
  for (const list of ['containers', 'initContainers']) {
    for (const c of objectsOf(spec[list])) {
      const resources = asObject(c['resources']);
      const limits = asObject(resources?.['limits']);
      if (resources === undefined || limits === undefined) continue;
      resources['requests'] = { ...limits, ...(asObject(resources['requests']) ?? {}) };
    }
  }
  if (spec['hostNetwork'] !== true) return;
  for (const list of ['containers', 'initContainers']) {
    for (const c of objectsOf(spec[list])) for (const port of objectsOf(c['ports'])) {
      if (isAbsent(port['hostPort']) || port['hostPort'] === 0) port['hostPort'] = port['containerPort'];
    }
  }
}

/** Defaults inside a pod template (`spec.template` of Deployments, ReplicaSets and Jobs). */
export function defaultPodTemplate(owner: JsonObject): void {
  const template = asObject(owner['template']);
  const spec = template === undefined ? undefined : ensureObject(template, 'spec');
  if (spec !== undefined) defaultPodSpec(spec);
}
