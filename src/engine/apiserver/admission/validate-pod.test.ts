import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { defaultObject } from './defaults.js';
import { validateObject } from './validate.js';

type Json = Record<string, unknown>;

function pod(containerOverrides: Json = {}, specOverrides: Json = {}, extraContainers: Json[] = []): KubeObject {
  return defaultObject('pods', {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'demo', namespace: 'default' },
    spec: { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue', ...containerOverrides }, ...extraContainers], ...specOverrides },
  });
}

const check = (obj: KubeObject, old?: KubeObject): string[] => validateObject('pods', obj, old).map(formatFieldError);
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const HTTP_PROBE = { httpGet: { path: '/healthz', port: 8080 } };

test('a plain defaulted Pod is valid', () => {
  assert.deepEqual(check(pod({ ports: [{ containerPort: 8080, name: 'http' }], readinessProbe: HTTP_PROBE, livenessProbe: HTTP_PROBE,
    env: [{ name: 'PORT', value: '8080' }, { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }] })), []);
});

test('container validation table', () => {
  const rows: Array<[string, KubeObject, string[]]> = [
    ['no containers', pod({}, { containers: [] }), ['spec.containers: Required value']],
    ['no name', pod({ name: '' }), ['spec.containers[0].name: Required value']],
    ['bad name', pod({ name: 'Demo' }), [`spec.containers[0].name: Invalid value: "Demo": ${LABEL_MSG}`]],
    ['duplicate names', pod({}, {}, [{ name: 'demo', image: 'x' }]), ['spec.containers[1].name: Duplicate value: "demo"']],
    ['no image', pod({ image: '' }), ['spec.containers[0].image: Required value']],
    ['image with spaces (Pods only)', pod({ image: ' nginx' }), ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']],
    ['bad pull policy', pod({ imagePullPolicy: 'Sometimes' }), ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']],
    ['port 0', pod({ ports: [{ containerPort: 0 }] }), ['spec.containers[0].ports[0].containerPort: Required value']],
    ['port too big', pod({ ports: [{ containerPort: 70000 }] }), ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['port name too long', pod({ ports: [{ containerPort: 80, name: 'a-very-long-port-name' }] }), ['spec.containers[0].ports[0].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters']],
    ['duplicate port names', pod({ ports: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }] }), ['spec.containers[0].ports[1].name: Duplicate value: "http"']],
    ['bad protocol', pod({ ports: [{ containerPort: 80, protocol: 'HTTP' }] }), ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ['env name', pod({ env: [{ name: '1X', value: 'y' }] }), [`spec.containers[0].env[0].name: Invalid value: "1X": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`]],
    ['env without name', pod({ env: [{ value: 'y' }] }), ['spec.containers[0].env[0].name: Required value']],
    ['env value and valueFrom', pod({ env: [{ name: 'A', value: 'y', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }), ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty']],
    ['unknown downward field', pod({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.hostname' } } }] }), [
      'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.hostname": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ]],
    ['unknown volume mount', pod({ volumeMounts: [{ name: 'data', mountPath: '/data' }] }), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ['restartPolicy on a regular container', pod({ restartPolicy: 'Always' }), ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers']],
  ];
  for (const [name, obj, want] of rows) assert.deepEqual(check(obj), want, name);
});

test('probe validation table', () => {
  const rows: Array<[string, Json, string[]]> = [
    ['no handler', { livenessProbe: { periodSeconds: 5 } }, ['spec.containers[0].livenessProbe: Required value: must specify a handler type']],
    ['two handlers', { readinessProbe: { ...HTTP_PROBE, tcpSocket: { port: 8080 } } }, ['spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type']],
    ['empty exec', { livenessProbe: { exec: {} } }, ['spec.containers[0].livenessProbe.exec.command: Required value']],
    ['bad port name', { readinessProbe: { httpGet: { path: '/', port: 'HTTP' } } }, ['spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)']],
    ['bad scheme', { readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'FTP' } } }, ['spec.containers[0].readinessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"']],
    ['negative period', { readinessProbe: { ...HTTP_PROBE, initialDelaySeconds: -1 } }, ['spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0']],
    ['liveness successThreshold', { livenessProbe: { ...HTTP_PROBE, successThreshold: 2 } }, ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
    ['readiness successThreshold may be 2', { readinessProbe: { ...HTTP_PROBE, successThreshold: 2 } }, []],
    ['readiness grace period', { readinessProbe: { ...HTTP_PROBE, terminationGracePeriodSeconds: 5 } }, ['spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes']],
    ['preStop sleep too long', { lifecycle: { preStop: { sleep: { seconds: 60 } } } }, ['spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.']],
  ];
  for (const [name, container, want] of rows) assert.deepEqual(check(pod(container)), want, name);
});

test('pod spec validation table', () => {
  const rows: Array<[string, Json, string[]]> = [
    ['restartPolicy', { restartPolicy: 'Sometimes' }, ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    ['dnsPolicy', { dnsPolicy: 'Google' }, ['spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"']],
    ['activeDeadlineSeconds', { activeDeadlineSeconds: 0 }, ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
    ['hostname', { hostname: 'my_host' }, [`spec.hostname: Invalid value: "my_host": ${LABEL_MSG}`]],
    ['volumes', { volumes: [{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {}, configMap: { name: 'c' } }] }, [
      'spec.volumes[1].configMap: Forbidden: may not specify more than 1 volume type', 'spec.volumes[1].name: Duplicate value: "a"',
    ]],
    ['init container rules', { initContainers: [{ name: 'demo', image: 'x', readinessProbe: HTTP_PROBE }] }, [
      'spec.initContainers[0].name: Duplicate value: "demo"',
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]],
    ['ephemeral containers on create', { ephemeralContainers: [{ name: 'dbg', image: 'busybox' }] }, ['spec.ephemeralContainers: Forbidden: cannot be set on create']],
  ];
  for (const [name, spec, want] of rows) assert.deepEqual(check(pod({}, spec)), want, name);
});

test('Pod update: only images and a few fields may change', () => {
  const old = pod({ ports: [{ containerPort: 8080 }] });
  assert.deepEqual(check(pod({ ports: [{ containerPort: 8080 }], image: 'argoproj/rollouts-demo:green' }), old), []);
  assert.deepEqual(check(pod({ ports: [{ containerPort: 9090 }] }), old), [
    'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
  ]);
  assert.deepEqual(check(pod({}, {}, [{ name: 'side', image: 'x' }]), old), ['spec.containers: Forbidden: pod updates may not add or remove containers']);
});

test('validatePodUpdate() lets an unbound pod be bound to a node once, and not moved', async () => {
  const { validatePodUpdate } = await import('./validate-pod.js');
  const pod = (nodeName?: string): Record<string, unknown> => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1' },
    spec: { containers: [{ name: 'c', image: 'i', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', ...(nodeName ? { nodeName } : {}) },
  });
  assert.deepEqual(validatePodUpdate(pod('sluice'), pod()).filter((e) => e.field === 'spec'), []);
  assert.equal(validatePodUpdate(pod('other'), pod('sluice')).filter((e) => e.field === 'spec').length, 1);
});
