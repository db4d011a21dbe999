// Schema of a metric's `provider` (argo-rollouts.md §3.8): one key per provider. Providers Sluice measures
// (prometheus, web, job) are typed for the code; the others are typed for the API server only (`opaque`).
import { jobSpec, labelsAndAnnotations, stringMap } from './kube-schemas.js';
import { arr, obj } from './schema.js';
import { bool, enumOf, int64, intOrString, opaque, preserveUnknown, str, stringOf } from './scalars.js';

const header = obj({ key: str(), value: str() }, { required: ['key', 'value'] });

const authentication = obj({
  sigv4: obj({ region: str(), profile: str(), roleArn: str() }),
  oauth2: obj({ tokenUrl: str(), clientId: str(), clientSecret: str(), scopes: arr(str()) }),
  basicAuth: obj({ username: str(), password: str() }),
});

const prometheus = obj({
  address: str(),
  query: str(),
  authentication,
  timeout: int64(),
  insecure: bool(),
  headers: arr(header),
  rangeQuery: obj({ start: str(), end: str(), step: str() }),
});

const web = obj({
  method: stringOf<'GET' | 'POST' | 'PUT'>(),
  url: str(),
  headers: arr(header),
  body: str(),
  timeoutSeconds: int64(),
  jsonPath: str(),
  insecure: bool(),
  jsonBody: preserveUnknown(),
  authentication,
}, { required: ['url'] });

const job = obj({ metadata: labelsAndAnnotations, spec: jobSpec }, { required: ['spec'] });

const kayentaScope = obj({ scope: str(), region: str(), step: int64(), start: str(), end: str() }, { required: ['scope', 'region', 'step'] });
const kayenta = obj({
  address: str(),
  application: str(),
  canaryConfigName: str(),
  metricsAccountName: str(),
  configurationAccountName: str(),
  storageAccountName: str(),
  threshold: obj({ pass: int64(), marginal: int64() }, { required: ['pass', 'marginal'] }),
  scopes: arr(obj({ name: str(), controlScope: kayentaScope, experimentScope: kayentaScope }, { required: ['name', 'controlScope', 'experimentScope'] })),
  lookback: bool(),
}, { required: ['address', 'application', 'canaryConfigName', 'metricsAccountName', 'configurationAccountName', 'storageAccountName', 'threshold', 'scopes'] });

const datadog = obj({
  apiVersion: enumOf(['v1', 'v2'], { default: 'v1' }),
  interval: str({ default: '5m' }),
  query: str(),
  queries: stringMap,
  formula: str(),
  aggregator: enumOf(['avg', 'min', 'max', 'sum', 'last', 'percentile', 'mean', 'l2norm', 'area']),
  secretRef: obj({ name: str(), namespaced: bool() }),
  requestTimeout: str({ default: '10s' }),
});

const cloudWatchMetricStat = obj({
  metric: obj({ namespace: str(), metricName: str(), dimensions: arr(obj({ name: str(), value: str() })) }),
  period: intOrString(),
  stat: str(),
  unit: str(),
});
const cloudWatch = obj({
  interval: str(),
  metricDataQueries: arr(obj({ id: str(), expression: str(), label: str(), metricStat: cloudWatchMetricStat, period: intOrString(), returnData: bool() })),
}, { required: ['metricDataQueries'] });

/** `metric.provider`: exactly one key is meant to be set (checked by the analysis controller, as in Argo). */
export const metricProvider = obj({
  prometheus,
  web,
  job,
  kayenta: opaque(kayenta),
  datadog: opaque(datadog),
  wavefront: obj({ address: str(), query: str() }),
  newRelic: obj({ profile: str(), query: str(), timeout: int64() }, { required: ['query'] }),
  cloudWatch: opaque(cloudWatch),
  graphite: obj({ address: str(), query: str() }),
  influxdb: obj({ profile: str(), query: str() }),
  skywalking: obj({ address: str(), query: str(), interval: str() }),
  plugin: preserveUnknown({ description: 'Metric provider plugins: {"<plugin name>": <config>}.' }),
});
