// client-node types resource.Quantity as a plain string, so the Go type is recorded here
// (from k8s.io/api core/v1 types.go: fields of type resource.Quantity or ResourceList).

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  V1ResourceRequirements: ['limits', 'requests'],
  V1VolumeResourceRequirements: ['limits', 'requests'],
  V1EmptyDirVolumeSource: ['sizeLimit'],
  V1ResourceFieldSelector: ['divisor'],
  V1PodSpec: ['overhead'],
  V1ContainerStatus: ['allocatedResources'],
  V1PersistentVolumeSpec: ['capacity'],
  V1PersistentVolumeClaimStatus: ['capacity', 'allocatedResources'],
  V1NodeStatus: ['capacity', 'allocatable'],
  V1LimitRangeItem: ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'],
  V1ResourceQuotaSpec: ['hard'],
  V1ResourceQuotaStatus: ['hard', 'used'],
};

/** True when `field` of model `model` holds a Quantity (or a map of them, a ResourceList). */
export function isQuantityField(model: string, field: string): boolean {
  return Object.hasOwn(FIELDS, model) && (FIELDS[model]?.includes(field) ?? false);
}
