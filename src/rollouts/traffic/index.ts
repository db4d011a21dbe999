// Public surface of the traffic routers (src/rollouts/traffic).
export type { HeaderRoute, MirrorRoute, TrafficRouter, WeightUpdate } from './router.js';
export { RouterError, isRouterError, type RouterErrorSource } from './router-error.js';
export { routersFor, unsupportedRouter, type RouterOptions } from './routers-for.js';
export { NginxRouter } from './nginx-router.js';
export { GatewayAPIRouter } from './gateway-api-router.js';
export { IstioRouter } from './istio-router.js';
export { SMIRouter } from './smi-router.js';
export { canaryIngressName } from './plan-nginx-canary-ingress.js';
export { trafficSplitNameOf } from './plan-smi-traffic-split.js';
export { TR, type IstioAPIVersion, type SMIAPIVersion } from './traffic-resources.js';
