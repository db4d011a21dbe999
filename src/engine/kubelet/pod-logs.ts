// `kubectl logs` for the embedded runtime: serves a container's current or previous instance from its log
// file, and follows the running instance until it exits.
import { ApiError } from '../../api/api-error.js';
import type { Clock } from '../../lib/clock.js';
import type { LogOptions, LogStream, PodLogSource } from '../apiserver/server-context.js';
import { readLogRecords, type LogRecord } from './log-file.js';
import { formatLogRecords, limitBytes, recordFormatter } from './log-format.js';
import { logPath, type ContainerRecord, type PodRecord, type PodRegistry } from './pod-registry.js';

function waitingReason(record: PodRecord | undefined, container: string): string {
  const pod = record?.written ?? record?.lastPod;
  const statuses = [...(pod?.status?.initContainerStatuses ?? []), ...(pod?.status?.containerStatuses ?? [])];
  return statuses.find((s) => s.name === container)?.state.waiting?.reason ?? 'ContainerCreating';
}

/** Follows a running instance; output written between `open` and `follow` is buffered, not lost. */
function followStream(c: ContainerRecord, o: LogOptions): LogStream['follow'] {
  const log = c.log;
  if (log === undefined || log.ended) return undefined;
  const format = recordFormatter(o.timestamps);
  const pending: LogRecord[] = [];
  let ended = false;
  let sink: { onChunk: (t: string) => void; onEnd: () => void } | undefined;
  const cancel = log.follow((r) => { if (sink) sink.onChunk(format(r)); else pending.push(r); }, () => { ended = true; sink?.onEnd(); });
  return (onChunk, onEnd) => {
    let sent = 0;
    const limited = (t: string): void => {
      const out = limitBytes(t, o.limitBytes === undefined ? undefined : o.limitBytes - sent);
      sent += Buffer.byteLength(out);
      if (out !== '') onChunk(out);
      if (o.limitBytes !== undefined && sent >= o.limitBytes) { cancel(); onEnd(); }
    };
    sink = { onChunk: limited, onEnd };
    for (const r of pending.splice(0)) limited(format(r));
    if (ended) onEnd();
    return cancel;
  };
}

/** The kubelet's PodLogSource over its pod records. */
export function podLogSource(registry: PodRegistry, clock: Clock): PodLogSource {
  return {
    open(namespace, pod, container, o): LogStream {
      const record = registry.byName(namespace, pod);
      const c = record?.containers.get(container);
      const fmt = {
        timestamps: o.timestamps,
        ...(o.tailLines !== undefined ? { tailLines: o.tailLines } : {}),
        ...(o.sinceSeconds !== undefined ? { sinceMs: clock.now() - o.sinceSeconds * 1000 } : {}),
        ...(o.limitBytes !== undefined ? { limitBytes: o.limitBytes } : {}),
      };
      if (o.previous) {
        if (record === undefined || c?.last === undefined) throw new ApiError('BadRequest', `previous terminated container "${container}" in pod "${pod}" not found`);
        return { initial: formatLogRecords(readLogRecords(logPath(record, container, c.last.restartCount)), fmt) };
      }
      if (record === undefined || c?.current === undefined) {
        throw new ApiError('BadRequest', `container "${container}" in pod "${pod}" is waiting to start: ${waitingReason(record, container)}`);
      }
      const initial = formatLogRecords(readLogRecords(logPath(record, container, c.current.restartCount)), fmt);
      const follow = o.follow && (o.limitBytes === undefined || Buffer.byteLength(initial) < o.limitBytes) ? followStream(c, o) : undefined;
      return follow === undefined ? { initial } : { initial, follow };
    },
  };
}
