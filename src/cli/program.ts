// Registers the `kubectl argo rollouts` verbs as `sluice` subcommands on the program built in src/main.ts, plus the
// global flags. Each command runs through one driver: parse → run → render, errors as one `error: …` line, exit 1.
import { Command as Program, Option } from 'commander';
import type { CliIo } from './cli-io.js';
import { processIo } from './cli-io.js';
import { createCliContext, type GlobalOptions } from './cli-context.js';
import { describeError } from './cli-error.js';
import { defineCommand, type RegisteredCommand } from './command.js';
import { colorEnabled, type Output } from './render/output.js';
import { abortCommand } from './commands/abort.js';
import { createCommand } from './commands/create.js';
import { createAnalysisRunCommand } from './commands/create-analysis-run.js';
import { getRolloutCommand } from './commands/get-rollout.js';
import { lintCommand } from './commands/lint.js';
import { listRolloutsCommand } from './commands/list-rollouts.js';
import { pauseCommand } from './commands/pause.js';
import { planCommand } from './commands/plan.js';
import { promoteCommand } from './commands/promote.js';
import { restartCommand } from './commands/restart.js';
import { retryRolloutCommand } from './commands/retry-rollout.js';
import { setImageCommand } from './commands/set-image.js';
import { statusCommand } from './commands/status.js';
import { terminateAnalysisRunCommand } from './commands/terminate-analysis-run.js';
import { undoCommand } from './commands/undo.js';
import { versionCommand } from './commands/version.js';

/** Every CLI command, parents before their children. */
export const COMMANDS: readonly RegisteredCommand[] = [
  defineCommand(getRolloutCommand), defineCommand(listRolloutsCommand), defineCommand(statusCommand),
  defineCommand(promoteCommand), defineCommand(abortCommand), defineCommand(retryRolloutCommand), defineCommand(pauseCommand),
  defineCommand(restartCommand), defineCommand(undoCommand), defineCommand(setImageCommand),
  defineCommand(createCommand), defineCommand(createAnalysisRunCommand), defineCommand(terminateAnalysisRunCommand),
  defineCommand(lintCommand), defineCommand(planCommand), defineCommand(versionCommand),
];

const GROUPS: Readonly<Record<string, string>> = {
  get: 'Get details about rollouts',
  list: 'List rollouts',
  retry: 'Retry an aborted rollout',
  set: 'Update various values on a rollout',
  terminate: 'Terminate an AnalysisRun',
};

function globalsOf(opts: Readonly<Record<string, unknown>>): GlobalOptions {
  const str = (k: string): string | undefined => (typeof opts[k] === 'string' && opts[k] !== '' ? String(opts[k]) : undefined);
  const kubeconfig = str('kubeconfig');
  const context = str('context');
  const namespace = str('namespace');
  return { color: opts['color'] !== false, ...(kubeconfig !== undefined ? { kubeconfig } : {}), ...(context !== undefined ? { context } : {}), ...(namespace !== undefined ? { namespace } : {}) };
}

async function drive(c: RegisteredCommand, cmd: Program, io: CliIo): Promise<void> {
  const globals = globalsOf(cmd.optsWithGlobals());
  const abort = new AbortController();
  const stopListening = io.onInterrupt(() => abort.abort());
  const ctx = createCliContext(io, globals, abort.signal);
  const out: Output = { out: io.stdout, err: io.stderr, color: colorEnabled(globals.color, io.env, io.isTTY), isTTY: io.isTTY };
  try {
    const failure = await c.execute(ctx, out, cmd.processedArgs, cmd.opts());
    if (failure !== undefined) {
      io.stderr(`error: ${failure}\n`);
      io.setExitCode(1);
    }
  } catch (e) {
    io.stderr(`error: ${describeError(e, ctx.scope)}\n`);
    if (io.env['SLUICE_DEBUG'] !== undefined && e instanceof Error) io.stderr(`${e.stack ?? ''}\n`);
    io.setExitCode(1);
  } finally {
    stopListening();
    ctx.close();
  }
}

function addCommand(parent: Program, c: RegisteredCommand, io: CliIo): Program {
  const cmd = parent.command(c.name).description(c.summary).aliases([...c.aliases]).showHelpAfterError(false);
  for (const a of c.args) cmd.argument(a);
  for (const o of c.options) {
    const opt = new Option(o.flags, o.description);
    if (o.repeatable === true) opt.argParser((v: string, prev: string[]) => [...prev, v]).default([]);
    else if (o.defaultValue !== undefined) opt.default(o.defaultValue);
    cmd.addOption(opt);
  }
  cmd.action(() => drive(c, cmd, io));
  return cmd;
}

/** Adds the global flags and every CLI command to `program`. */
export function registerCliCommands(program: Program, io: CliIo = processIo()): void {
  program
    .option('--kubeconfig <path>', 'kubeconfig file (default: $KUBECONFIG, ~/.sluice/kubeconfig, ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context to use')
    .option('-n, --namespace <namespace>', 'namespace (default: the context\'s namespace)')
    .option('--no-color', 'do not colourise output');
  const byName = new Map<string, Program>();
  for (const c of COMMANDS) {
    let parent = program;
    if (c.parent !== undefined) {
      parent = byName.get(c.parent) ?? program.command(c.parent).description(GROUPS[c.parent] ?? c.parent);
      byName.set(c.parent, parent);
    }
    const cmd = addCommand(parent, c, io);
    if (c.parent === undefined) byName.set(c.name, cmd);
  }
}

/** A fresh `sluice` program with only the CLI commands, writing to `io` and throwing instead of exiting (tests). */
export function cliProgram(io: CliIo): Program {
  const program = new Program('sluice').exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  registerCliCommands(program, io);
  return program;
}
