#!/usr/bin/env node
// The `sluice` command: wires the CLI commands, the embedded runtime (`up`) and the cluster-mode controller.
import { Command, InvalidArgumentError } from 'commander';
import { isApiError } from './api/api-error.js';
import { defaultDataDir, startRuntime } from './engine/server.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number between 0 and 65535');
  return n;
}

function upCommand(): Command {
  return new Command('up')
    .description('start the embedded single-machine Kubernetes runtime and the rollouts controller')
    .option('--data-dir <dir>', 'where state, certificates and the kubeconfig live', defaultDataDir())
    .option('--port <port>', 'API server port on 127.0.0.1', port, 6443)
    .action(async (o: { dataDir: string; port: number }) => {
      const runtime = await startRuntime({ dataDir: o.dataDir, host: '127.0.0.1', apiPort: o.port });
      process.stdout.write([
        `Sluice is running. Kubernetes API: ${runtime.apiUrl}`,
        '',
        'Use it with kubectl:',
        `  export KUBECONFIG=${runtime.kubeconfig}`,
        '  kubectl get ns',
        '',
        'Press Ctrl-C to stop (state is kept in the data directory).',
        '',
      ].join('\n'));
      const shutdown = (): void => { runtime.stop().then(() => process.exit(0), () => process.exit(1)); };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}

/** Builds the program (exported for tests). */
export function program(): Command {
  const p = new Command('sluice')
    .description('Progressive delivery for Kubernetes: Argo Rollouts–compatible controller, embedded runtime, CLI and dashboard')
    .showHelpAfterError();
  p.addCommand(upCommand());
  return p;
}

program().parseAsync(process.argv).catch((e: unknown) => {
  const message = isApiError(e) ? `Error from server (${e.reason}): ${e.message}` : e instanceof Error ? e.message : String(e);
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
});
