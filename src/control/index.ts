// Public surface of the controller runtime (src/control). Import from here unless you need a file's internals.
export type { DeleteOptions, KubeClient, ListOptions, PatchType, WatchOptions, WriteOptions } from './client.js';
export { readText, type Transport, type TransportRequest, type TransportResponse } from './transport.js';
export { RestClient, PATCH_CONTENT_TYPES, withQuery, type RestClientOptions } from './rest-client.js';
export { HttpsTransport, type HttpsTransportOptions } from './https-transport.js';
export { clientFromKubeconfig, loadKubeConfig, type KubeconfigClient, type KubeconfigClientOptions } from './client-from-kubeconfig.js';
export { listAll, DEFAULT_PAGE_SIZE } from './list-all.js';
export { Informer, type InformerOptions } from './informer.js';
export type { AddHandler, DeleteHandler, UpdateHandler } from './informer-handlers.js';
export { ObjectCache, NAMESPACE_INDEX, byControllerUid, type IndexFunc } from './object-cache.js';
export { SharedInformers, type InformerScope, type SharedInformerOptions } from './shared-informers.js';
export { WorkQueue, type WorkQueueOptions } from './work-queue.js';
export {
  ItemExponentialRateLimiter, MaxOfRateLimiter, TokenBucketRateLimiter, defaultControllerRateLimiter, type RateLimiter,
} from './rate-limiter.js';
export { done, requeueAfter, retry, terminal, toError, type Outcome } from './outcome.js';
export { runController, newControllerMetrics, type ControllerMetrics, type ControllerOptions, type RunningController } from './controller.js';
export { Expectations, EXPECTATIONS_TTL_MS } from './expectations.js';
export { EventRecorder, referenceOf, type EventRecorderOptions, type EventType } from './event-recorder.js';
export { runLeaderElection, type LeaderElectionOptions } from './leader-election.js';
export { LeaseLock, computeLeaseClaim, microTime, type Lease, type LeaseSpec } from './lease-lock.js';
export { systemTimers, sleep, type Timers } from './timers.js';
export { ManualTimers, settle } from './manual-timers.js';
export { deepFreeze } from '../lib/deep-freeze.js';
