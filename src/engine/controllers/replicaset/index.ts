// Public surface of the ReplicaSet controller's decision layer.
export { planReplicaSet } from './plan-replicaset.js';
export { BURST_REPLICAS, type PodRef, type ReplicaSetAction, type ReplicaSetPlan, type ReplicaSetSnapshot } from './replicaset-types.js';
