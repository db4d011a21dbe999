// The protobuf field numbers of the built-in kinds kubectl's typed clients create with protobuf bodies
// (`kubectl create namespace|configmap|secret|serviceaccount|deployment|job|service|ingress`), as declared
// by Kubernetes' generated.proto files, written as a table the decoder walks. Each field names its JSON key
// and how to read it. `pointer` marks optional scalars whose zero value is meaningful (`replicas: 0`); the
// others are written by Go even when zero and are dropped when zero, as JSON's omitempty would.

/** How one field's value is read. */
export type FieldType =
  | 'string' | 'int' | 'bool'
  /** bytes, shown as base64 in JSON (Secret data) */
  | 'bytes'
  /** a nested message of the named type */
  | { readonly message: string }
  /** map<string, X> */
  | { readonly map: 'string' | 'bytes' | 'quantity' }
  | 'intOrString' | 'quantity'
  /** known and deliberately not decoded (status: the server ignores it on create) */
  | 'ignored';

export interface FieldSpec {
  readonly json: string;
  readonly type: FieldType;
  readonly repeated?: boolean;
  readonly pointer?: boolean;
}

export type MessageSpec = Readonly<Record<number, FieldSpec>>;

const s = (json: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ json, type: 'string', ...extra });
const i = (json: string, pointer = false): FieldSpec => ({ json, type: 'int', pointer });
const b = (json: string, pointer = false): FieldSpec => ({ json, type: 'bool', pointer });
const m = (json: string, message: string, repeated = false): FieldSpec => ({ json, type: { message }, repeated });
const map = (json: string, of: 'string' | 'bytes' | 'quantity' = 'string'): FieldSpec => ({ json, type: { map: of } });
const ignored = (json: string): FieldSpec => ({ json, type: 'ignored' });
const strings = (json: string): FieldSpec => s(json, { repeated: true });

/** Top-level kinds by `kind`, each a message name in MESSAGES. */
export const PROTOBUF_KINDS: Readonly<Record<string, string>> = {
  Namespace: 'Namespace', ConfigMap: 'ConfigMap', Secret: 'Secret', ServiceAccount: 'ServiceAccount',
  Deployment: 'Deployment', Job: 'Job', Service: 'Service', Ingress: 'Ingress',
};

export const MESSAGES: Readonly<Record<string, MessageSpec>> = {
  ObjectMeta: {
    1: s('name'), 2: s('generateName'), 3: s('namespace'), 4: ignored('selfLink'), 5: ignored('uid'), 6: ignored('resourceVersion'),
    7: ignored('generation'), 8: ignored('creationTimestamp'), 9: ignored('deletionTimestamp'), 10: ignored('deletionGracePeriodSeconds'),
    11: map('labels'), 12: map('annotations'), 13: m('ownerReferences', 'OwnerReference', true), 14: strings('finalizers'), 17: ignored('managedFields'),
  },
  OwnerReference: { 1: s('kind'), 3: s('name'), 4: s('uid'), 5: s('apiVersion'), 6: b('controller', true), 7: b('blockOwnerDeletion', true) },
  LabelSelector: { 1: map('matchLabels'), 2: m('matchExpressions', 'LabelSelectorRequirement', true) },
  LabelSelectorRequirement: { 1: s('key'), 2: s('operator'), 3: strings('values') },

  Namespace: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'NamespaceSpec'), 3: ignored('status') },
  NamespaceSpec: { 1: strings('finalizers') },
  ConfigMap: { 1: m('metadata', 'ObjectMeta'), 2: map('data'), 3: map('binaryData', 'bytes'), 4: b('immutable', true) },
  Secret: { 1: m('metadata', 'ObjectMeta'), 2: map('data', 'bytes'), 3: s('type'), 4: map('stringData'), 5: b('immutable', true) },
  ServiceAccount: { 1: m('metadata', 'ObjectMeta'), 2: m('secrets', 'ObjectReference', true), 3: m('imagePullSecrets', 'LocalObjectReference', true), 4: b('automountServiceAccountToken', true) },
  ObjectReference: { 1: s('kind'), 2: s('namespace'), 3: s('name'), 4: s('uid'), 5: s('apiVersion'), 6: s('resourceVersion'), 7: s('fieldPath') },
  LocalObjectReference: { 1: s('name') },

  Deployment: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'DeploymentSpec'), 3: ignored('status') },
  DeploymentSpec: {
    1: i('replicas', true), 2: m('selector', 'LabelSelector'), 3: m('template', 'PodTemplateSpec'), 4: m('strategy', 'DeploymentStrategy'),
    5: i('minReadySeconds'), 6: i('revisionHistoryLimit', true), 7: b('paused'), 9: i('progressDeadlineSeconds', true),
  },
  DeploymentStrategy: { 1: s('type'), 2: m('rollingUpdate', 'RollingUpdateDeployment') },
  RollingUpdateDeployment: { 1: { json: 'maxUnavailable', type: 'intOrString' }, 2: { json: 'maxSurge', type: 'intOrString' } },

  Job: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'JobSpec'), 3: ignored('status') },
  JobSpec: {
    1: i('parallelism', true), 2: i('completions', true), 3: i('activeDeadlineSeconds', true), 4: m('selector', 'LabelSelector'),
    5: b('manualSelector', true), 6: m('template', 'PodTemplateSpec'), 7: i('backoffLimit', true), 8: i('ttlSecondsAfterFinished', true),
    9: s('completionMode', { pointer: true }), 10: b('suspend', true), 14: s('podReplacementPolicy', { pointer: true }), 15: s('managedBy', { pointer: true }),
  },

  PodTemplateSpec: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'PodSpec') },
  PodSpec: {
    2: m('containers', 'Container', true), 3: s('restartPolicy'), 4: i('terminationGracePeriodSeconds', true), 5: i('activeDeadlineSeconds', true),
    6: s('dnsPolicy'), 7: map('nodeSelector'), 8: s('serviceAccountName'), 9: s('serviceAccount'), 10: s('nodeName'),
    15: m('imagePullSecrets', 'LocalObjectReference', true), 16: s('hostname'), 17: s('subdomain'), 19: s('schedulerName'),
    20: m('initContainers', 'Container', true), 21: b('automountServiceAccountToken', true), 24: s('priorityClassName'), 30: b('enableServiceLinks', true),
  },
  Container: {
    1: s('name'), 2: s('image'), 3: strings('command'), 4: strings('args'), 5: s('workingDir'), 6: m('ports', 'ContainerPort', true),
    7: m('env', 'EnvVar', true), 8: m('resources', 'ResourceRequirements'), 13: s('terminationMessagePath'), 14: s('imagePullPolicy'),
    16: b('stdin'), 17: b('stdinOnce'), 18: b('tty'), 20: s('terminationMessagePolicy'),
  },
  ContainerPort: { 1: s('name'), 2: i('hostPort'), 3: i('containerPort'), 4: s('protocol'), 5: s('hostIP') },
  EnvVar: { 1: s('name'), 2: s('value') },
  ResourceRequirements: { 1: map('limits', 'quantity'), 2: map('requests', 'quantity') },

  Service: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'ServiceSpec'), 3: ignored('status') },
  ServiceSpec: {
    1: m('ports', 'ServicePort', true), 2: map('selector'), 3: s('clusterIP'), 4: s('type'), 5: strings('externalIPs'), 7: s('sessionAffinity'),
    10: s('externalName'), 11: s('externalTrafficPolicy'), 13: b('publishNotReadyAddresses'), 17: s('ipFamilyPolicy', { pointer: true }),
    18: strings('clusterIPs'), 19: strings('ipFamilies'), 22: s('internalTrafficPolicy', { pointer: true }),
  },
  ServicePort: { 1: s('name'), 2: s('protocol'), 3: i('port'), 4: { json: 'targetPort', type: 'intOrString' }, 5: i('nodePort'), 6: s('appProtocol', { pointer: true }) },

  Ingress: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'IngressSpec'), 3: ignored('status') },
  IngressSpec: { 1: m('defaultBackend', 'IngressBackend'), 2: m('tls', 'IngressTLS', true), 3: m('rules', 'IngressRule', true), 4: s('ingressClassName', { pointer: true }) },
  IngressTLS: { 1: strings('hosts'), 2: s('secretName') },
  IngressRule: { 1: s('host'), 2: m('', 'IngressRuleValue') },
  IngressRuleValue: { 1: m('http', 'HTTPIngressRuleValue') },
  HTTPIngressRuleValue: { 1: m('paths', 'HTTPIngressPath', true) },
  HTTPIngressPath: { 1: s('path'), 2: m('backend', 'IngressBackend'), 3: s('pathType', { pointer: true }) },
  IngressBackend: { 4: m('service', 'IngressServiceBackend') },
  IngressServiceBackend: { 1: s('name'), 2: m('port', 'ServiceBackendPort') },
  ServiceBackendPort: { 1: s('name'), 2: i('number') },
};
