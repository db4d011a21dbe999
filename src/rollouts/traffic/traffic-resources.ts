// REST descriptors of the objects the routers read and write (custom resources of Gateway API, Istio and SMI, and
// the legacy Ingress version). Versions that a flag selects in Argo are parameters here.
import type { ResourceType } from '../../api/resources.js';

const rt = (group: string, version: string, resource: string, kind: string): ResourceType =>
  ({ group, version, resource, kind, namespaced: true });

/** Istio API versions Argo's `--istio-api-version` accepts (default v1alpha3). */
export type IstioAPIVersion = 'v1alpha3' | 'v1beta1' | 'v1';
/** SMI TrafficSplit versions Argo's `--smi-api-version` accepts (default v1alpha1). */
export type SMIAPIVersion = 'v1alpha1' | 'v1alpha2' | 'v1alpha3';

/** Resource descriptors the routers use. */
export const TR = {
  legacyIngresses: rt('extensions', 'v1beta1', 'ingresses', 'Ingress'),
  httpRoutes: rt('gateway.networking.k8s.io', 'v1', 'httproutes', 'HTTPRoute'),
  grpcRoutes: rt('gateway.networking.k8s.io', 'v1', 'grpcroutes', 'GRPCRoute'),
  tcpRoutes: rt('gateway.networking.k8s.io', 'v1alpha2', 'tcproutes', 'TCPRoute'),
  tlsRoutes: rt('gateway.networking.k8s.io', 'v1alpha2', 'tlsroutes', 'TLSRoute'),
  virtualServices: (v: IstioAPIVersion): ResourceType => rt('networking.istio.io', v, 'virtualservices', 'VirtualService'),
  destinationRules: (v: IstioAPIVersion): ResourceType => rt('networking.istio.io', v, 'destinationrules', 'DestinationRule'),
  trafficSplits: (v: SMIAPIVersion): ResourceType => rt('split.smi-spec.io', v, 'trafficsplits', 'TrafficSplit'),
} as const;
