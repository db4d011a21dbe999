// PodSpec and PodTemplateSpec validation (core ValidatePodSpec / ValidatePodTemplateSpec, 1.32).
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, index, invalidEach, readInt } from './_field.js';
import { asObject, asString, isAbsent, objectsOf, type JsonObject } from './_json.js';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain } from './metadata.js';
import { validateAnnotations, validateLabels } from './object-meta.js';
import { hostPortConflicts, oneOf, validateContainerCommon } from './validate-container.js';
import { validateLifecycle, validateProbes } from './validate-probe.js';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const VOLUME_SOURCES = ['emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume',
  'configMap', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected',
  'scaleIO', 'csi', 'ephemeral', 'image'];
const MAX_INT32 = 2147483647;

function validateVolumes(volumes: unknown, path: string, errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  objectsOf(volumes).forEach((v, i) => {
    const p = index(path, i);
    const name = asString(v['name']) ?? '';
    const own: FieldError[] = [];
    const sources = VOLUME_SOURCES.filter((s) => asObject(v[s]) !== undefined);
    sources.slice(1).forEach((s) => own.push(fieldErr.forbidden(child(p, s), 'may not specify more than 1 volume type')));
    if (sources.length === 0) own.push(fieldErr.required(p, 'must specify a volume type'));
    if (name === '') own.push(fieldErr.required(child(p, 'name')));
    else own.push(...invalidEach(child(p, 'name'), name, isDNS1123Label(name)));
    if (names.has(name)) own.push(fieldErr.duplicate(child(p, 'name'), name));
    if (own.length === 0) names.add(name);
    errs.push(...own);
  });
  return names;
}

function validateContainers(containers: JsonObject[], path: string, volumes: Set<string>, grace: number | undefined): FieldError[] {
  if (containers.length === 0) return [fieldErr.required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, p, volumes));
    const name = asString(c['name']) ?? '';
    if (names.has(name)) errs.push(fieldErr.duplicate(child(p, 'name'), name));
    names.add(name);
    errs.push(...validateLifecycle(c['lifecycle'], child(p, 'lifecycle'), grace));
    errs.push(...validateProbes(c, p, grace));
    if (!isAbsent(c['restartPolicy'])) errs.push(fieldErr.forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  return [...errs, ...hostPortConflicts(containers, path)];
}

function validateInitContainers(init: JsonObject[], regular: JsonObject[], path: string, volumes: Set<string>, grace: number | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(regular.map((c) => asString(c['name']) ?? ''));
  init.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, p, volumes));
    const restartPolicy = c['restartPolicy'];
    if (!isAbsent(restartPolicy) && restartPolicy !== 'Always') errs.push(fieldErr.notSupported(child(p, 'restartPolicy'), restartPolicy, ['Always']));
    const name = asString(c['name']) ?? '';
    if (names.has(name)) errs.push(fieldErr.duplicate(child(p, 'name'), name));
    else if (name !== '') names.add(name);
    errs.push(...hostPortConflicts([c], path));
    if (restartPolicy === 'Always') errs.push(...validateLifecycle(c['lifecycle'], child(p, 'lifecycle'), grace), ...validateProbes(c, p, grace));
    else errs.push(...initOnlyForbidden(c, p));
  });
  return errs;
}

function initOnlyForbidden(c: JsonObject, path: string): FieldError[] {
  return ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']
    .filter((f) => !isAbsent(c[f]))
    .map((f) => fieldErr.forbidden(child(path, f), 'may not be set for init containers without restartPolicy=Always'));
}

function validateNames(spec: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['serviceAccountName', 'nodeName']) {
    const v = asString(spec[f]) ?? '';
    if (v !== '') errs.push(...invalidEach(child(path, f), v, isDNS1123Subdomain(v)));
  }
  const deadline = readInt(spec, 'activeDeadlineSeconds', child(path, 'activeDeadlineSeconds'), errs);
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    errs.push(fieldErr.invalid(child(path, 'activeDeadlineSeconds'), deadline, inclusiveRangeError(1, MAX_INT32)));
  }
  for (const f of ['hostname', 'subdomain']) {
    const v = asString(spec[f]) ?? '';
    if (v !== '') errs.push(...invalidEach(child(path, f), v, isDNS1123Label(v)));
  }
  const priorityClassName = asString(spec['priorityClassName']) ?? '';
  if (priorityClassName !== '') errs.push(...invalidEach(child(path, 'priorityClassName'), priorityClassName, isDNS1123Subdomain(priorityClassName)));
  return errs;
}

/** ValidatePodSpec. `path` is `spec` for a Pod and `spec.template.spec` inside workloads. */
export function validatePodSpec(spec: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const grace = readInt(spec, 'terminationGracePeriodSeconds', child(path, 'terminationGracePeriodSeconds'), errs);
  if (isAbsent(spec['terminationGracePeriodSeconds'])) errs.push(fieldErr.required(child(path, 'terminationGracePeriodSeconds')));
  const volumes = validateVolumes(spec['volumes'], child(path, 'volumes'), errs);
  const containers = objectsOf(spec['containers']);
  errs.push(...validateContainers(containers, child(path, 'containers'), volumes, grace));
  errs.push(...validateInitContainers(objectsOf(spec['initContainers']), containers, child(path, 'initContainers'), volumes, grace));
  errs.push(...oneOf(spec['restartPolicy'], RESTART_POLICIES, child(path, 'restartPolicy')));
  errs.push(...oneOf(spec['dnsPolicy'], DNS_POLICIES, child(path, 'dnsPolicy')));
  errs.push(...validateLabels(spec['nodeSelector'], child(path, 'nodeSelector')));
  return [...errs, ...validateNames(spec, path)];
}

/** ValidatePodTemplateSpec: note Kubernetes reports template labels at `<path>.labels`, not `.metadata.labels`. */
export function validatePodTemplateSpec(template: unknown, path: string): FieldError[] {
  const tpl = asObject(template);
  if (tpl === undefined) return [fieldErr.required(path)];
  const meta = asObject(tpl['metadata']) ?? {};
  const errs = [...validateLabels(meta['labels'], child(path, 'labels')), ...validateAnnotations(meta['annotations'], child(path, 'annotations'))];
  errs.push(...validatePodSpec(asObject(tpl['spec']) ?? {}, child(path, 'spec')));
  if (objectsOf(asObject(tpl['spec'])?.['ephemeralContainers']).length > 0) {
    errs.push(fieldErr.forbidden(child(child(path, 'spec'), 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
