// Registers the node this kubelet runs (`kubectl get nodes` shows it Ready) with its capacity and addresses.
// Node has no wire type in src/api; it is built as a plain KubeObject.
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { isApiError } from '../../api/api-error.js';
import type { KubeObject } from '../../api/meta.js';
import type { ResourceType } from '../../api/resources.js';
import type { KubeClient } from '../../control/client.js';
import { rfc3339 } from '../../lib/clock.js';

/** The nodes resource (cluster-scoped). */
export const NODES: ResourceType = { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false };

/** The kubelet version Sluice reports (matching the API server's 1.32). */
export const KUBELET_VERSION = 'v1.32.0-sluice';

/** The node's status: Ready, capacity from this machine, loopback addresses. */
export function nodeStatus(nodeName: string, hostIP: string, nowMs: number): Record<string, unknown> {
  const now = rfc3339(nowMs);
  const capacity = { cpu: String(cpus().length), memory: `${Math.floor(totalmem() / 1024)}Ki`, pods: '110', 'ephemeral-storage': '0' };
  const pressure = (type: string, reason: string, message: string): Record<string, string> =>
    ({ type, status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason, message });
  return {
    capacity, allocatable: capacity,
    conditions: [
      pressure('MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      pressure('DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      pressure('PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      { type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    addresses: [{ type: 'InternalIP', address: hostIP }, { type: 'Hostname', address: nodeName }],
    nodeInfo: {
      kubeletVersion: KUBELET_VERSION, kubeProxyVersion: KUBELET_VERSION, operatingSystem: platform(), architecture: arch(),
      osImage: `Sluice embedded runtime (${platform()})`, kernelVersion: release(), containerRuntimeVersion: 'sluice://0.1.0',
      machineID: '', systemUUID: '', bootID: '',
    },
  };
}

/** Creates the Node if absent, then writes its status (Ready). */
export async function registerNode(client: KubeClient, nodeName: string, hostIP: string, nowMs: number): Promise<void> {
  let node: KubeObject;
  try {
    node = await client.get(NODES, undefined, nodeName);
  } catch (e) {
    if (!isApiError(e, 'NotFound')) throw e;
    const labels = {
      'kubernetes.io/hostname': nodeName, 'kubernetes.io/os': platform(), 'kubernetes.io/arch': arch(),
      'node-role.kubernetes.io/control-plane': '',
    };
    node = await client.create(NODES, { apiVersion: 'v1', kind: 'Node', metadata: { name: nodeName, labels }, spec: {} });
  }
  await client.updateStatus(NODES, { ...node, status: nodeStatus(nodeName, hostIP, nowMs) });
}
