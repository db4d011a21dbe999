// Public surface of the Deployment controller's decision layer.
export { planDeployment } from './plan-deployment.js';
export { podTemplateHash, isTemplateEqualIgnoringHash, POD_TEMPLATE_HASH_LABEL } from './pod-template-hash.js';
export { REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS } from './revision.js';
export type { DeploymentAction, DeploymentPlan, DeploymentSnapshot } from './deployment-types.js';
