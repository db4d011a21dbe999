// Entry of a kubelet in its own process, for tests that kill it with SIGKILL:
//   node [--import tsx] kubelet-main.(ts|js) <kubeconfig> <dataDir> [firstPodIP]
// Prints `kubelet ready` once the pod cache has synced.
import { clientFromKubeconfig } from '../../src/control/client-from-kubeconfig.js';
import { startKubelet } from '../../src/engine/kubelet/kubelet.js';
import { TEST_BACKOFF } from './kubelet-harness.js';

const [kubeconfig, dataDir, firstPodIP] = process.argv.slice(2);
if (kubeconfig === undefined || dataDir === undefined) {
  process.stderr.write('usage: kubelet-main <kubeconfig> <dataDir>\n');
  process.exit(2);
}
const { client } = clientFromKubeconfig({ path: kubeconfig });
const kubelet = await startKubelet({ client, dataDir, backoff: TEST_BACKOFF, ...(firstPodIP !== undefined ? { firstPodIP } : {}) });
process.stdout.write('kubelet ready\n');
process.once('SIGTERM', () => void kubelet.stop().then(() => process.exit(0)));
