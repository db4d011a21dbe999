// Public surface of the embedded network (Services, ingress, request metrics).
export { startNetwork, DEFAULT_CONTROLLER_LABELS, type NetworkOptions, type RunningNetwork } from './start-network.js';
export type { ControllerLabels, RequestLabels } from './request-metrics.js';
