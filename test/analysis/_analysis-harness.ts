// Shared setup of the analysis tests: an in-process API server with the analysis CRDs, a client on it, AnalysisRuns
// built from the chapter's templates, and helpers to drive and observe a controller.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { R } from '../../src/api/resources.js';
import type { AnalysisRun, AnalysisRunSpec, AnalysisTemplate } from '../../src/api/rollouts-analysis.js';
import type { KubeClient } from '../../src/control/client.js';
import { RestClient } from '../../src/control/rest-client.js';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { fixture } from '../harness/fixtures.js';
import { eventually } from '../harness/poll.js';

export interface AnalysisApi {
  api: TestApi;
  client: KubeClient;
  close(): Promise<void>;
}

/** An API server with `crdFile` (under test/fixtures/crd) applied and served. */
export async function startAnalysisApi(crdFile = 'analysis-crds.yaml'): Promise<AnalysisApi> {
  const api = await startTestApi();
  const client = new RestClient(api.server.transport());
  await api.k(['apply', '-f', fixture('crd', crdFile)]);
  await eventually(async () => (await client.list(R.analysisruns, 'default')).items !== undefined, 'the AnalysisRun resource to be served');
  return { api, client, close: () => api.close() };
}

/** The chapter's AnalysisTemplates (test/fixtures/chapter/5.13-analysis-templates.yaml) by name. */
export function chapterTemplates(): Map<string, AnalysisTemplate> {
  const text = readFileSync(fixture('chapter', '5.13-analysis-templates.yaml'), 'utf8');
  const out = new Map<string, AnalysisTemplate>();
  for (const doc of parseAllDocuments(text)) {
    const t = doc.toJSON() as AnalysisTemplate;
    out.set(t.metadata.name ?? '', t);
  }
  return out;
}

/** An AnalysisRun manifest named `name` with `spec`. */
export function runManifest(name: string, spec: AnalysisRunSpec, labels: Record<string, string> = {}): AnalysisRun {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name, namespace: 'default', labels }, spec };
}

/** The AnalysisRun as stored. */
export function getRun(client: KubeClient, name: string): Promise<AnalysisRun> {
  return client.get<AnalysisRun>(R.analysisruns, 'default', name);
}

/** Reasons of the Events recorded about `name`. */
export async function eventReasons(client: KubeClient, name: string): Promise<string[]> {
  const events = await client.list(R.events, 'default');
  return events.items
    .filter((e) => (e['involvedObject'] as { name?: string } | undefined)?.name === name)
    .map((e) => String(e['reason']));
}
