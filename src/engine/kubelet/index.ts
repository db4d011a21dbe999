// Public surface of the embedded kubelet (src/engine/kubelet).
export { startKubelet, type Kubelet, type KubeletOptions } from './kubelet.js';
export { defaultDemoEntry } from './demo-command.js';
export { DEFAULT_BACKOFF, type BackoffPolicy, type ImageRule } from './plan/types.js';
export { parseImageRules } from './image-rules-file.js';
export { processTablePath, readProcessTable, type ProcessEntry } from './process-table.js';
