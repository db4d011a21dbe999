// Facts about Kubernetes' Go types that @kubernetes/client-node's generated models do not carry: which fields are
// resource.Quantity (client-node types them as plain strings), which are required, and which lists merge by key
// under server-side apply. Only what the pod and job templates inside Argo's kinds reach is listed.

/** Fields of type resource.Quantity (or a map of them, a ResourceList), by model. */
export const QUANTITY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  V1ResourceRequirements: ['limits', 'requests'],
  V1VolumeResourceRequirements: ['limits', 'requests'],
  V1EmptyDirVolumeSource: ['sizeLimit'],
  V1ResourceFieldSelector: ['divisor'],
  V1PodSpec: ['overhead'],
};

/**
 * Fields Kubernetes' API validation requires (so a template missing them could never become a pod). Kept short on
 * purpose: listing a field Kubernetes does not require would refuse valid manifests.
 */
export const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  V1PodSpec: ['containers'],
  V1Container: ['name'],
  V1EphemeralContainer: ['name'],
  V1ContainerPort: ['containerPort'],
  V1EnvVar: ['name'],
  V1VolumeMount: ['name', 'mountPath'],
  V1Volume: ['name'],
  V1JobSpec: ['template'],
  V1LabelSelectorRequirement: ['key', 'operator'],
};

/** Lists that are maps keyed by the given (required) item fields: `x-kubernetes-list-type: map`. */
export const LIST_MAP_KEYS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  V1PodSpec: { containers: ['name'], initContainers: ['name'], ephemeralContainers: ['name'], volumes: ['name'] },
  V1Container: { env: ['name'], volumeMounts: ['mountPath'] },
  V1EphemeralContainer: { env: ['name'], volumeMounts: ['mountPath'] },
};

/** Objects replaced as a whole by server-side apply (`x-kubernetes-map-type: atomic`). */
export const ATOMIC_MODELS: ReadonlySet<string> = new Set(['V1LabelSelector', 'V1NodeSelector', 'V1NodeSelectorTerm']);

/**
 * resource.Quantity's text form (`500m`, `1Gi`, `2.5e3`), the pattern Kubernetes' own OpenAPI gives quantities:
 * a signed decimal, then a binary (Ki…Ei) or decimal (n, u, m, k, M…E) suffix or an exponent.
 */
export const QUANTITY_PATTERN = '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';
