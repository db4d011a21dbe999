// An API server plus the embedded network over the in-process client, for traffic tests.
import { Agent, request } from 'undici';
import { RestClient } from '../../src/control/rest-client.js';
import { captureLog } from '../../src/control/testing/capture-log.js';
import { startNetwork, type NetworkOptions, type RunningNetwork } from '../../src/engine/network/index.js';
import { startTestApi, type TestApi } from './api-harness.js';
import type { SimPod } from './sim-pods.js';

export interface NetworkTest {
  api: TestApi;
  client: RestClient;
  net: RunningNetwork;
  /** `http://127.0.0.1:<ingressPort>` */
  ingressUrl: string;
  logLines: ReturnType<typeof captureLog>['lines'];
  /** One request; resolves with status, body and headers (never rejects on HTTP status). */
  send(url: string, o?: { host?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>;
  /** Through the ingress with a Host header. */
  ingress(host: string, path?: string, headers?: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>;
  close(pods?: readonly SimPod[]): Promise<void>;
}

/** Starts both; network options default to: ingress and metrics on free ports, no service proxies. */
export async function startNetworkTest(o: Partial<Omit<NetworkOptions, 'client'>> = {}): Promise<NetworkTest> {
  const api = await startTestApi();
  const client = new RestClient(api.server.transport());
  const { log, lines } = captureLog('network');
  const net = await startNetwork({ client, ingressPort: 0, metricsPort: 0, host: '127.0.0.1', serviceProxies: false, log, ...o });
  const agent = new Agent({ keepAliveTimeout: 5000 });
  const ingressUrl = `http://127.0.0.1:${net.ingressPort}`;
  const send: NetworkTest['send'] = async (url, r = {}) => {
    const res = await request(url, { dispatcher: agent, method: r.method ?? 'GET', headers: { ...(r.host === undefined ? {} : { host: r.host }), ...r.headers }, ...(r.body === undefined ? {} : { body: r.body }) });
    return { status: res.statusCode, body: await res.body.text(), headers: res.headers };
  };
  return {
    api, client, net, ingressUrl, logLines: lines, send,
    ingress: (host, path = '/color', headers = {}) => send(ingressUrl + path, { host, headers }),
    close: async (pods = []) => {
      await agent.close();
      await net.stop();
      await Promise.all(pods.map((p) => p.backend.kill().catch(() => undefined)));
      await api.close();
    },
  };
}
