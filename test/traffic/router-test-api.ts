// The in-process API server the router tests share: the Rollout CRD and the traffic providers' CRDs applied, a
// client over the in-process transport, and a builder for Rollouts with fresh names.
import { isApiError } from '../../src/api/api-error.js';
import type { KubeObject } from '../../src/api/meta.js';
import { R } from '../../src/api/resources.js';
import type { CanaryStrategy, Rollout } from '../../src/api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../src/control/client.js';
import { RestClient } from '../../src/control/rest-client.js';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { fixture } from '../harness/fixtures.js';
import { eventually } from '../harness/poll.js';
import { TR } from '../../src/rollouts/traffic/index.js';

export interface RouterTestApi {
  api: TestApi;
  client: KubeClient;
  /** Creates Rollout `<prefix><n>` in `default` with this canary strategy; returns it as stored (with its uid). */
  rollout(prefix: string, canary: CanaryStrategy): Promise<{ id: string; ro: Rollout }>;
  /** resourceVersion of an object, or 'absent'. */
  version(t: Parameters<KubeClient['get']>[0], name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the server and waits until every CRD is served. */
export async function startRouterTestApi(): Promise<RouterTestApi> {
  const api = await startTestApi();
  const client = new RestClient(api.server.transport());
  await api.k(['apply', '-f', fixture('crd', 'minimal-rollout-crd.yaml')]);
  await api.k(['apply', '-f', fixture('crd', 'traffic-router-crds.yaml')]);
  for (const t of [R.rollouts, TR.httpRoutes, TR.grpcRoutes, TR.tcpRoutes, TR.virtualServices('v1alpha3'), TR.destinationRules('v1beta1'), TR.trafficSplits('v1alpha1')]) {
    await eventually(async () => (await client.list(t, 'default')).items !== undefined, `${t.resource} served`);
  }
  let n = 0;
  return {
    api, client,
    rollout: async (prefix, canary) => {
      const id = `${prefix}${++n}`;
      const ro = await client.create<Rollout>(R.rollouts, {
        apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: id, namespace: 'default' },
        spec: {
          replicas: 1, selector: { matchLabels: { app: id } },
          template: { metadata: { labels: { app: id } }, spec: { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue' }] } },
          strategy: { canary },
        },
      });
      return { id, ro };
    },
    version: async (t, name) => {
      try {
        const o: KubeObject = await client.get(t, 'default', name);
        return o.metadata.resourceVersion ?? '';
      } catch (e) {
        if (isApiError(e, 'NotFound')) return 'absent';
        throw e;
      }
    },
    close: () => api.close(),
  };
}
