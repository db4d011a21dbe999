// The demo process the embedded kubelet runs for `argoproj/rollouts-demo:<tag>` images:
//   node dist/src/demo/main.js   with SLUICE_DEMO_IMAGE, PORT, POD_IP, POD_NAME and the container's env.
// It binds POD_IP:PORT (default 0.0.0.0:8080), prints one startup line to stdout, and on SIGTERM or SIGINT
// drains: no new connections, in-flight requests finish, idle keep-alive sockets close, exit 0.
// A second signal while draining stops at once (exit 1), as the original image does. For Argo Rollouts' controller
// image it runs the stand-in of controller-standin.ts instead.
import { demoConfigFromEnv, demoPortFromEnv, DemoConfigError, type DemoConfig, type DemoEnv } from './config.js';
import { runControllerStandin } from './controller-standin.js';
import { startDemoServer, type DemoServer } from './server.js';


function startupLine(server: DemoServer, config: DemoConfig, env: DemoEnv): string {
  const image = env['SLUICE_DEMO_IMAGE'] ?? 'argoproj/rollouts-demo:latest';
  const pod = env['POD_NAME'] ?? '-';
  return `rollouts-demo listening on ${server.url} color=${config.color} errorRate=${config.errorRate} latencyMs=${config.latencyMs} image=${image} pod=${pod}`;
}

function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
}

/** Runs the demo until a signal; resolves with the exit code. */
export async function runDemo(env: DemoEnv): Promise<number> {
  let server: DemoServer;
  let config: DemoConfig;
  try {
    config = demoConfigFromEnv(env);
    const host = env['POD_IP']?.trim() || '0.0.0.0';
    server = await startDemoServer({ host, port: demoPortFromEnv(env), config });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${e instanceof DemoConfigError ? message : `Cannot start the demo: ${message}`}\n`);
    return 1;
  }
  process.stdout.write(startupLine(server, config, env) + '\n');
  const signal = await nextSignal();
  process.stdout.write(`${signal} received: draining, ${server.activeRequests()} request(s) in flight\n`);
  void nextSignal().then((again) => {
    process.stdout.write(`${again} received again: stopping now\n`);
    process.exit(1);
  });
  const result = await server.shutdown();
  if (result.outcome === 'drained') {
    process.stdout.write('stopped: all requests answered\n');
    return 0;
  }
  process.stdout.write(`stopped: ${result.abandonedRequests} request(s) cut off at the shutdown timeout\n`);
  return 1;
}

// The kubelet sets SLUICE_DEMO_ROLE for Argo Rollouts' controller image.
const standin = process.env['SLUICE_DEMO_ROLE'] === 'argo-rollouts-standin';
void (standin ? runControllerStandin(process.env) : runDemo(process.env)).then((code) => process.exit(code));
