// `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE
// (+ SUBOBJECT SOURCE FIRST SEEN COUNT NAME with -o wide, in that column order).
import { isJsonObject } from '../../../api/meta.js';
import type { Event } from '../../../api/core-v1.js';
import { ageCell } from './human-duration.js';
import { isEvent } from './kind-guards.js';
import { column, kindPrinter, nameCell, type Printer, type TableCell } from './printer.js';

/**
 * First Seen, Last Seen and Count. First Seen falls back to eventTime; Last Seen falls back to First
 * Seen; an event series (events.k8s.io style) overrides Last Seen and Count; a zero count means 1.
 */
export function eventTimes(ev: Readonly<Event>, nowMs: number): { firstSeen: string; lastSeen: string; count: number } {
  const firstSeen = ageCell(ev.firstTimestamp || ev.eventTime, nowMs);
  const lastSeen = ev.lastTimestamp ? ageCell(ev.lastTimestamp, nowMs) : firstSeen;
  const series = ev['series'];
  if (isJsonObject(series)) {
    const observed = series['lastObservedTime'];
    const count = series['count'];
    return { firstSeen, lastSeen: ageCell(typeof observed === 'string' ? observed : undefined, nowMs), count: typeof count === 'number' ? count : 0 };
  }
  return { firstSeen, lastSeen, count: ev.count || 1 };
}

/** The Object cell: `kind/name` in lower-case kind (`pod/web-1`), or just the kind when unnamed. */
export function involvedObjectCell(ev: Readonly<Event>): string {
  const kind = (ev.involvedObject.kind ?? '').toLowerCase();
  return ev.involvedObject.name ? `${kind}/${ev.involvedObject.name}` : kind;
}

/** The Source cell: `component, host`, each falling back to reportingComponent / reportingInstance. */
export function eventSourceCell(ev: Readonly<Event>): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance === '' ? component : `${component}, ${instance}`;
}

function eventCells(ev: Event, nowMs: number): TableCell[] {
  const t = eventTimes(ev, nowMs);
  return [
    t.lastSeen, ev.type ?? '', ev.reason ?? '', involvedObjectCell(ev), ev.involvedObject.fieldPath ?? '',
    eventSourceCell(ev), (ev.message ?? '').trim(), t.firstSeen, t.count, nameCell(ev),
  ];
}

/** Printer for core/v1 `events`. The Name column comes last and only with `-o wide`. */
export const eventPrinter: Printer = kindPrinter(
  [
    column('Last Seen', 'string', 'Time since the event was last observed.'),
    column('Type', 'string', 'Normal or Warning.'),
    column('Reason', 'string', 'Short machine-readable reason for the event.'),
    column('Object', 'string', 'The object the event is about (involvedObject).'),
    column('Subobject', 'string', 'Part of the object the event is about (involvedObject.fieldPath).', { priority: 1 }),
    column('Source', 'string', 'Component (and host) that reported the event.', { priority: 1 }),
    column('Message', 'string', 'Human-readable description of the event.'),
    column('First Seen', 'string', 'Time since the event was first observed.', { priority: 1 }),
    column('Count', 'string', 'Number of times the event occurred.', { priority: 1 }),
    column('Name', 'string', 'Name of the event object.', { format: 'name', priority: 1 }),
  ],
  isEvent,
  eventCells,
);
