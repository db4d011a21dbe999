// Simulated pods for network tests, until the kubelet runs real ones: a colour backend on the pod's IP, and a
// Pod object whose status is written through `/status` exactly as the kubelet writes it.
import type { Pod } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import type { KubeClient } from '../../src/control/client.js';
import { startColourBackend, type ColourBackend, type ColourBackendOptions } from './colour-backend.js';

export interface SimPod {
  readonly namespace: string;
  readonly name: string;
  readonly ip: string;
  readonly backend: ColourBackend;
}

export interface SimPodSpec extends ColourBackendOptions {
  name: string;
  labels: Record<string, string>;
  ip: string;
  colour: string;
  namespace?: string;
  /** Container port (default 8080, the chapter's). */
  port?: number;
}

function readyStatus(ip: string, ready: boolean): Record<string, unknown> {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    phase: 'Running', hostIP: '127.0.0.1', podIP: ip, podIPs: [{ ip }], startTime: now,
    conditions: [
      { type: 'Initialized', status: 'True', lastTransitionTime: now },
      { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now },
      { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: now },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
    ],
  };
}

/** Starts the backend, creates the Pod (bound to node `sluice`) and marks it Running and Ready. */
export async function startSimPod(client: KubeClient, s: SimPodSpec): Promise<SimPod> {
  const namespace = s.namespace ?? 'default';
  const port = s.port ?? 8080;
  const backend = await startColourBackend(s.ip, port, s.colour, s);
  const pod: Pod = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: s.name, namespace, labels: s.labels },
    spec: { nodeName: 'sluice', containers: [{ name: 'demo', image: `argoproj/rollouts-demo:${s.colour}`, ports: [{ name: 'http', containerPort: port }] }] },
  };
  await client.create(R.pods, pod);
  await client.patch(R.pods, namespace, s.name, 'merge', { status: readyStatus(s.ip, true) }, { subresource: 'status' });
  return { namespace, name: s.name, ip: s.ip, backend };
}

/** Sets the pod's Ready condition, as the kubelet does when a readiness probe flips. */
export async function setPodReady(client: KubeClient, p: SimPod, ready: boolean): Promise<void> {
  await client.patch(R.pods, p.namespace, p.name, 'merge', { status: readyStatus(p.ip, ready) }, { subresource: 'status' });
}

/** `kubectl delete pod`: the pod gets a deletionTimestamp and stays until the kubelet finishes it. */
export async function deletePod(client: KubeClient, p: SimPod): Promise<void> {
  await client.delete(R.pods, p.namespace, p.name);
}

/** The kubelet's part once the process has exited: remove the Pod object for good. */
export async function finishPodDeletion(client: KubeClient, p: SimPod): Promise<void> {
  await client.delete(R.pods, p.namespace, p.name, { gracePeriodSeconds: 0 });
}
