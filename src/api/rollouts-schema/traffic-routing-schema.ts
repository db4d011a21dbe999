// Schema of `strategy.canary.trafficRouting` (argo-rollouts.md §1.6), with Sluice's first-class `gatewayAPI`.
import { stringMap } from './kube-schemas.js';
import { arr, obj } from './schema.js';
import { bool, int, int64, opaque, preserveUnknown, str } from './scalars.js';

const nginx = obj({
  annotationPrefix: str(),
  stableIngress: str(),
  stableIngresses: arr(str()),
  additionalIngressAnnotations: stringMap,
  canaryIngressAnnotations: stringMap,
});

const istioVirtualService = obj({
  name: str(),
  routes: arr(str()),
  tlsRoutes: arr(obj({ port: int64(), sniHosts: arr(str()) })),
  tcpRoutes: arr(obj({ port: int64() })),
}, { required: ['name'] });

const istio = obj({
  virtualService: istioVirtualService,
  virtualServices: arr(istioVirtualService),
  destinationRule: obj({
    name: str(),
    canarySubsetName: str(),
    stableSubsetName: str(),
    additionalSubsetNames: arr(str()),
  }, { required: ['name', 'canarySubsetName', 'stableSubsetName'] }),
});

const alb = obj({
  ingress: str(),
  ingresses: arr(str()),
  servicePort: int(),
  rootService: str(),
  annotationPrefix: str(),
  stickinessConfig: obj({ enabled: bool(), durationSeconds: int64() }, { required: ['enabled', 'durationSeconds'] }),
}, { required: ['servicePort'] });

const nameRef = obj({ name: str() }, { required: ['name'] });

const appMesh = obj({
  virtualService: obj({ name: str(), routes: arr(str()) }, { required: ['name'] }),
  virtualNodeGroup: obj({ canaryVirtualNodeRef: nameRef, stableVirtualNodeRef: nameRef }, { required: ['canaryVirtualNodeRef', 'stableVirtualNodeRef'] }),
});

const gatewayRoutes = arr(obj({ name: str(), useHeaderRoutes: bool() }, { required: ['name'] }));

/**
 * Sluice's Gateway API router. Not part of Argo Rollouts' CRD (Argo prunes the field, issue #4569); the shape is the
 * config of the `argoproj-labs/gatewayAPI` traffic-router plugin, so a plugin config moves here unchanged.
 */
export const gatewayAPI = obj({
  httpRoute: str(),
  httpRoutes: gatewayRoutes,
  grpcRoute: str(),
  grpcRoutes: gatewayRoutes,
  tcpRoute: str(),
  tcpRoutes: gatewayRoutes,
  tlsRoute: str(),
  tlsRoutes: gatewayRoutes,
  namespace: str(),
}, {
  description: 'Sluice extension (not in Argo Rollouts): weights the canary/stable backendRefs of Gateway API routes. '
    + 'Same shape as the argoproj-labs/gatewayAPI plugin config, which Sluice also honours under `plugins`.',
});

/** `strategy.canary.trafficRouting`: the routers that split traffic by weight (several may be set at once). */
export const trafficRouting = obj({
  nginx,
  istio,
  smi: obj({ rootService: str(), trafficSplitName: str() }),
  alb,
  gatewayAPI,
  ambassador: obj({ mappings: arr(str()) }, { required: ['mappings'] }),
  appMesh: opaque(appMesh),
  traefik: obj({ weightedTraefikServiceName: str() }, { required: ['weightedTraefikServiceName'] }),
  apisix: obj({ route: obj({ name: str(), rules: arr(str()) }, { required: ['name'] }) }),
  managedRoutes: arr(nameRef),
  plugins: preserveUnknown({ description: 'Traffic router plugins: {"<plugin name>": <config>}.' }),
  maxTrafficWeight: int(),
});
