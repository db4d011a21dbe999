// Public surface of the three patch types the API server applies.
export { applyMergePatch } from './json-merge-patch.js';
export { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch.js';
export { applyStrategicMergePatch } from './strategic-merge-patch.js';
export type { PatchMeta, PatchStrategy } from './patch-meta.js';
export { patchMetaOf } from './patch-meta.js';
