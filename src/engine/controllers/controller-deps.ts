// What every built-in controller is started with: a client, the shared informers, an event recorder, time.
import type { KubeClient } from '../../control/client.js';
import type { EventRecorder } from '../../control/event-recorder.js';
import type { SharedInformers } from '../../control/shared-informers.js';
import type { Clock } from '../../lib/clock.js';
import type { KubeObject, OwnerReference } from '../../api/meta.js';
import { controllerRef } from '../../api/meta.js';
import { objectKey, type ObjectKey } from '../../api/object-key.js';

export interface ControllerDeps {
  client: KubeClient;
  informers: SharedInformers;
  clock: Clock;
  signal: AbortSignal;
  /** Records events as the given component (`replicaset-controller`, …). */
  recorder(component: string): EventRecorder;
  /** Worker count per controller (default 2). */
  workers?: number;
}

/** The key of the controller owning `obj` when it is of `kind`, else undefined. */
export function ownerKey(obj: Readonly<KubeObject>, kind: string): ObjectKey | undefined {
  const ref: OwnerReference | undefined = controllerRef(obj.metadata);
  return ref && ref.kind === kind ? objectKey(obj.metadata.namespace, ref.name) : undefined;
}

/** The message of anything thrown. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
