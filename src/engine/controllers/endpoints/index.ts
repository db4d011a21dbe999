// Public surface of the endpoints controller.
export { startEndpointsController, type EndpointsControllerDeps } from './controller.js';
export { planEndpoints, HEADLESS_LABEL, type EndpointsAction, type EndpointsSnapshot } from './plan-endpoints.js';
export { computeEndpointSubsets, findPodPort, isPodReady } from './endpoint-subsets.js';
