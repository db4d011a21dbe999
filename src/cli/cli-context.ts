// What a running command may ask for: the API connection (made on first use, from the resolved kubeconfig), the
// namespace, time, cancellation (Ctrl-C) and output settings. Commands that need no cluster (lint, plan, version)
// never touch the kubeconfig.
import { clientFromKubeconfig, type KubeClient, type Timers } from '../control/index.js';
import type { Clock } from '../lib/clock.js';
import type { CliIo } from './cli-io.js';
import { CliError, type ErrorScope } from './cli-error.js';
import { describeKubeconfig, resolveKubeconfig } from './kubeconfig-path.js';

/** The global flags. */
export interface GlobalOptions {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  /** False with `--no-color`. */
  color: boolean;
}

/** A connection to the API server. */
export interface Connection {
  client: KubeClient;
  /** `-n`, else the context's namespace, else `default`. */
  namespace: string;
  server: string;
}

/** The context handed to `Command.run`. */
export interface CliContext {
  readonly io: CliIo;
  readonly clock: Clock;
  readonly timers: Timers;
  /** Aborts on Ctrl-C. */
  readonly signal: AbortSignal;
  readonly globals: GlobalOptions;
  connect(): Promise<Connection>;
  /** The namespace the command works in (connects to read the context's default when `-n` is absent). */
  namespace(): Promise<string>;
  /** What error lines may mention (filled in once connected). */
  readonly scope: ErrorScope;
  /** Releases connections; called by the driver when the command ends. */
  close(): void;
}

/** A context for one command execution. */
export function createCliContext(io: CliIo, globals: GlobalOptions, signal: AbortSignal): CliContext {
  let conn: (Connection & { close(): void }) | undefined;
  const scope: ErrorScope = globals.namespace !== undefined ? { namespace: globals.namespace } : {};
  const connect = async (): Promise<Connection> => {
    if (conn !== undefined) return conn;
    const choice = resolveKubeconfig(globals.kubeconfig, io.env, io.homeDir);
    scope.kubeconfig = describeKubeconfig(choice);
    let made;
    try {
      made = clientFromKubeconfig({ path: choice.path, ...(globals.context !== undefined ? { context: globals.context } : {}), userAgent: 'sluice-cli' });
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0] ?? e.message : String(e);
      throw new CliError(`cannot load kubeconfig ${scope.kubeconfig}: ${why.replace(/^ENOENT: no such file or directory.*$/, 'no such file')}`);
    }
    const server = made.server.replace(/\/$/, '');
    scope.server = server;
    scope.namespace = globals.namespace ?? made.namespace;
    conn = { client: made.client, namespace: scope.namespace, server, close: made.close };
    return conn;
  };
  return {
    io, clock: io.clock, timers: io.timers, signal, globals, scope, connect,
    namespace: async () => globals.namespace ?? (await connect()).namespace,
    close: () => { conn?.close(); },
  };
}
