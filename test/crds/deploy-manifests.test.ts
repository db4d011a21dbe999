// The manifests for real clusters under deploy/: they parse, the kinds the embedded API server serves pass its
// admission (`kubectl apply --dry-run=server`), and the RBAC kinds (not served by it) pass an offline structural
// check — including "every rule says why it exists" and the least-privilege promises deploy/README.md makes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMap, isSeq, parseAllDocuments, stringify } from 'yaml';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { repoRoot } from '../harness/fixtures.js';

interface Manifest { file: string; obj: Record<string, unknown> & { kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } }; ruleComments: boolean[] }
interface Rule { apiGroups?: string[]; resources?: string[]; verbs?: string[]; nonResourceURLs?: string[] }

const deployDir = join(repoRoot(), 'deploy');
const NAMESPACE = 'sluice-system';
const VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']);
const RBAC_KINDS = new Set(['ClusterRole', 'Role', 'ClusterRoleBinding', 'RoleBinding']);

/** True when the line above `offset`'s line is a `#` comment. */
function commentedAbove(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset) + 1;
  const previous = text.slice(0, Math.max(0, lineStart - 1)).split('\n').pop() ?? '';
  return previous.trim().startsWith('#');
}

function load(): Manifest[] {
  return readdirSync(deployDir).filter((n) => n.endsWith('.yaml')).sort().flatMap((file) => {
    const text = readFileSync(join(deployDir, file), 'utf8');
    return parseAllDocuments(text).map((doc) => {
      assert.deepEqual(doc.errors, [], file);
      const rules = doc.get('rules');
      const ruleComments = isSeq(rules) ? rules.items.map((it) => isMap(it) && it.range !== null && it.range !== undefined && commentedAbove(text, it.range[0])) : [];
      return { file, obj: doc.toJS() as Manifest['obj'], ruleComments };
    });
  });
}

const manifests = load();
const one = (kind: string, name: string): Manifest['obj'] => {
  const m = manifests.find((x) => x.obj.kind === kind && x.obj.metadata.name === name);
  assert.ok(m, `${kind} ${name}`);
  return m.obj;
};
const rulesOf = (kind: string, name: string): Rule[] => (one(kind, name)['rules'] ?? []) as Rule[];
const grants = (rules: Rule[], group: string, resource: string): string[] =>
  rules.filter((r) => r.apiGroups?.includes(group) && r.resources?.includes(resource)).flatMap((r) => r.verbs ?? []).sort();

function roleProblems(m: Manifest): string[] {
  const id = `${m.file}: ${m.obj.kind} ${m.obj.metadata.name}`;
  const errs: string[] = [];
  if (m.obj['apiVersion'] !== 'rbac.authorization.k8s.io/v1') errs.push(`${id}: apiVersion`);
  if (m.obj.kind === 'Role' && m.obj.metadata.namespace !== NAMESPACE) errs.push(`${id}: a Role belongs in ${NAMESPACE}`);
  const rules = m.obj['rules'];
  if (!Array.isArray(rules) || rules.length === 0) return [...errs, `${id}: no rules`];
  (rules as Rule[]).forEach((r, i) => {
    const at = `${id} rules[${i}]`;
    for (const f of ['apiGroups', 'resources', 'verbs'] as const) {
      const v = r[f];
      if (!Array.isArray(v) || (f !== 'apiGroups' && v.length === 0) || !v.every((x) => typeof x === 'string')) errs.push(`${at}: ${f} must be a list of strings`);
      if (Array.isArray(v) && v.includes('*')) errs.push(`${at}: ${f} has a wildcard`);
    }
    if (r.nonResourceURLs !== undefined) errs.push(`${at}: nonResourceURLs`);
    for (const v of r.verbs ?? []) if (!VERBS.has(v)) errs.push(`${at}: unknown verb ${v}`);
    if (m.ruleComments[i] !== true) errs.push(`${at}: no "# why" comment right above the rule`);
  });
  return errs;
}

function bindingProblems(m: Manifest): string[] {
  const id = `${m.file}: ${m.obj.kind} ${m.obj.metadata.name}`;
  const ref = m.obj['roleRef'] as { apiGroup?: string; kind?: string; name?: string } | undefined;
  const errs: string[] = [];
  if (ref?.apiGroup !== 'rbac.authorization.k8s.io') errs.push(`${id}: roleRef.apiGroup`);
  const role = manifests.find((x) => x.obj.kind === ref?.kind && x.obj.metadata.name === ref.name);
  if (role === undefined) errs.push(`${id}: roleRef ${ref?.kind ?? ''} ${ref?.name ?? ''} is not defined in deploy/`);
  if (m.obj.kind === 'RoleBinding' && (ref?.kind !== 'Role' || role?.obj.metadata.namespace !== m.obj.metadata.namespace)) errs.push(`${id}: must bind a Role of its namespace`);
  for (const s of (m.obj['subjects'] ?? []) as { kind: string; name: string; namespace?: string }[]) {
    const sa = manifests.some((x) => x.obj.kind === 'ServiceAccount' && x.obj.metadata.name === s.name && x.obj.metadata.namespace === s.namespace);
    if (s.kind !== 'ServiceAccount' || !sa) errs.push(`${id}: subject ${s.kind} ${s.namespace ?? ''}/${s.name} is not a ServiceAccount defined in deploy/`);
  }
  return errs;
}

describe('deploy/ manifests', () => {
  test('every document is one of the expected objects', () => {
    assert.deepEqual(manifests.map((m) => `${m.file} ${m.obj.kind}/${m.obj.metadata.name}`), [
      '00-namespace.yaml Namespace/sluice-system',
      '10-controller-rbac.yaml ServiceAccount/sluice-controller',
      '10-controller-rbac.yaml ClusterRole/sluice-controller',
      '10-controller-rbac.yaml ClusterRoleBinding/sluice-controller',
      '10-controller-rbac.yaml Role/sluice-controller',
      '10-controller-rbac.yaml RoleBinding/sluice-controller',
      '20-aggregate-roles.yaml ClusterRole/sluice-aggregate-to-view',
      '20-aggregate-roles.yaml ClusterRole/sluice-aggregate-to-edit',
      '20-aggregate-roles.yaml ClusterRole/sluice-aggregate-to-admin',
      '30-controller.yaml Deployment/sluice-controller',
      '30-controller.yaml Service/sluice-controller-metrics',
    ]);
  });

  test('RBAC: well-formed, no wildcards, bindings resolve, and every rule has a reason comment', () => {
    const problems = manifests.flatMap((m) => {
      if (m.obj.kind === 'ClusterRole' || m.obj.kind === 'Role') return roleProblems(m);
      if (m.obj.kind === 'ClusterRoleBinding' || m.obj.kind === 'RoleBinding') return bindingProblems(m);
      return [];
    });
    assert.deepEqual(problems, []);
  });

  test('RBAC: the controller gets exactly the access its features need', () => {
    const cluster = rulesOf('ClusterRole', 'sluice-controller');
    const local = rulesOf('Role', 'sluice-controller');
    assert.deepEqual(grants(cluster, 'argoproj.io', 'rollouts/status'), ['get', 'list', 'patch', 'update', 'watch']);
    assert.deepEqual(grants(cluster, 'argoproj.io', 'analysistemplates'), ['get', 'list', 'watch']);
    assert.deepEqual(grants(cluster, '', 'services'), ['get', 'list', 'patch', 'update', 'watch'], 'services are patched, never created or deleted');
    assert.deepEqual(grants(cluster, '', 'pods'), ['list', 'watch'], 'pods are only watched');
    assert.deepEqual(grants(cluster, '', 'pods/eviction'), ['create']);
    assert.deepEqual(grants(cluster, '', 'events'), ['create', 'patch']);
    assert.deepEqual(grants(cluster, '', 'secrets'), ['get'], 'secrets are read by name, never listed cluster-wide');
    assert.deepEqual(grants(cluster, 'coordination.k8s.io', 'leases'), [], 'leases only in the controller namespace');
    assert.deepEqual(grants(local, 'coordination.k8s.io', 'leases'), ['create', 'get', 'update']);
    for (const [group, resource] of [['networking.k8s.io', 'ingresses'], ['batch', 'jobs'], ['gateway.networking.k8s.io', 'httproutes'],
      ['networking.istio.io', 'virtualservices'], ['networking.istio.io', 'destinationrules'], ['split.smi-spec.io', 'trafficsplits']] as const) {
      assert.ok(grants(cluster, group, resource).includes('get'), `${group}/${resource}`);
    }
  });

  test('RBAC: aggregated roles extend view, edit and admin; view only reads', () => {
    for (const level of ['view', 'edit', 'admin']) {
      const role = one('ClusterRole', `sluice-aggregate-to-${level}`);
      assert.equal(role.metadata.labels?.[`rbac.authorization.k8s.io/aggregate-to-${level}`], 'true');
      assert.ok(grants(rulesOf('ClusterRole', `sluice-aggregate-to-${level}`), 'argoproj.io', 'rollouts').includes('get'));
    }
    assert.deepEqual(grants(rulesOf('ClusterRole', 'sluice-aggregate-to-view'), 'argoproj.io', 'rollouts'), ['get', 'list', 'watch']);
    assert.ok(grants(rulesOf('ClusterRole', 'sluice-aggregate-to-edit'), 'argoproj.io', 'rollouts/status').includes('patch'), 'promote/abort write /status');
  });

  test('the controller Deployment: non-root, read-only, no capabilities, probes on its port, flags the CLI knows', () => {
    const d = one('Deployment', 'sluice-controller') as unknown as DeploymentShape;
    const pod = d.spec.template.spec;
    const [c] = pod.containers;
    assert.ok(c);
    assert.equal(pod.serviceAccountName, one('ServiceAccount', 'sluice-controller').metadata.name);
    assert.equal(pod.securityContext.runAsNonRoot, true);
    assert.equal(c.securityContext.readOnlyRootFilesystem, true);
    assert.equal(c.securityContext.allowPrivilegeEscalation, false);
    assert.deepEqual(c.securityContext.capabilities.drop, ['ALL']);
    const ports = c.ports.map((p) => p.name);
    assert.ok(ports.includes(c.livenessProbe.httpGet.port) && ports.includes(c.readinessProbe.httpGet.port));
    assert.deepEqual([c.livenessProbe.httpGet.path, c.readinessProbe.httpGet.path], ['/healthz', '/readyz']);
    assert.ok(c.resources.requests['memory'] !== undefined && c.resources.limits['memory'] !== undefined);
    assert.ok(c.args.includes('--leader-elect=true') && c.args.includes('--metrics-host=0.0.0.0'));
    const cli = readFileSync(join(repoRoot(), 'src', 'main.ts'), 'utf8');
    for (const flag of c.args.map((a) => a.split('=')[0] ?? '')) assert.ok(cli.includes(`.option('${flag} `), `sluice controller has no ${flag} flag`);
    const svc = one('Service', 'sluice-controller-metrics') as unknown as { spec: { selector: Record<string, string>; ports: { targetPort: string }[] } };
    for (const [k, v] of Object.entries(svc.spec.selector)) assert.equal(d.spec.template.metadata.labels[k], v);
    assert.ok(ports.includes(svc.spec.ports[0]?.targetPort ?? ''));
  });

  test('Containerfile: node:20 build stage, node:20-slim runtime with production dependencies, numeric non-root user', () => {
    const text = readFileSync(join(deployDir, 'Containerfile'), 'utf8');
    const froms = [...text.matchAll(/^FROM (\S+)(?: AS (\S+))?$/gm)].map((m) => m[1]);
    assert.deepEqual(froms, ['docker.io/library/node:20', 'docker.io/library/node:20', 'docker.io/library/node:20-slim']);
    assert.match(text, /^RUN npm ci --omit=dev/m);
    assert.match(text, /^USER ([1-9]\d*):([1-9]\d*)$/m);
    assert.match(text, /^ENTRYPOINT \["node", "dist\/src\/main\.js", "controller"\]$/m);
  });
});

describe('deploy/ manifests on the embedded API server', () => {
  let api: TestApi;
  let dir: string;
  before(async () => { api = await startTestApi(); dir = mkdtempSync(join(tmpdir(), 'sluice-deploy-')); });
  after(async () => { await api.close(); rmSync(dir, { recursive: true, force: true }); });

  test('the kinds it serves pass `kubectl apply --dry-run=server`, and nothing is stored', async () => {
    const served = manifests.filter((m) => !RBAC_KINDS.has(m.obj.kind));
    assert.deepEqual(served.map((m) => m.obj.kind), ['Namespace', 'ServiceAccount', 'Deployment', 'Service']);
    const file = join(dir, 'served.yaml');
    writeFileSync(file, served.map((m) => stringify(m.obj)).join('---\n'));
    await api.k(['apply', '-f', join(deployDir, '00-namespace.yaml')]);
    const out = await api.k(['apply', '--dry-run=server', '-f', file]);
    assert.match(out, /^namespace\/sluice-system (unchanged|configured) \(server dry run\)$/m);
    for (const o of ['serviceaccount/sluice-controller', 'deployment.apps/sluice-controller', 'service/sluice-controller-metrics']) {
      assert.match(out, new RegExp(`^${o.replace(/\./g, '\\.')} created \\(server dry run\\)$`, 'm'));
    }
    assert.match((await api.kubectl('get deploy,svc -n sluice-system')).stderr, /No resources found/);
  });
});

interface DeploymentShape {
  spec: { template: { metadata: { labels: Record<string, string> }; spec: {
    serviceAccountName: string;
    securityContext: { runAsNonRoot: boolean };
    containers: {
      args: string[];
      ports: { name: string }[];
      livenessProbe: { httpGet: { path: string; port: string } };
      readinessProbe: { httpGet: { path: string; port: string } };
      resources: { requests: Record<string, string>; limits: Record<string, string> };
      securityContext: { readOnlyRootFilesystem: boolean; allowPrivilegeEscalation: boolean; capabilities: { drop: string[] } };
    }[];
  } } };
}
