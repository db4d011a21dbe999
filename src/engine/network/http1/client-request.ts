// What a proxy listener hands to its request handler.
import type { Socket } from 'node:net';
import type { ClientResponse } from './client-response.js';

/** The client's connection, handed over for a protocol upgrade (WebSocket): the socket and bytes already read. */
export interface TakenOver {
  readonly socket: Socket;
  readonly rest: Buffer | undefined;
}

/** A complete client request. */
export interface ClientRequest {
  readonly method: string;
  /** The request target as sent (`/color?x=1`). */
  readonly url: string;
  readonly http10: boolean;
  /** `[name, value, …]` as received. */
  readonly headers: readonly string[];
  /** First value of a header, by lower-case name. */
  header(lowerName: string): string | undefined;
  /** The body, or null when the request has none. */
  readonly body: Buffer | null;
  readonly remoteAddress: string;
  readonly localPort: number;
  /** The protocol asked for with `Connection: upgrade` + `Upgrade: <protocol>` (HTTP/1.1 GET only), else undefined. */
  readonly upgrade: string | undefined;
  /** Takes the connection out of HTTP handling for a tunnel; the response object must not be used after. */
  takeover(): TakenOver;
}

/** Handles one request; must end `res` exactly once (or destroy it). */
export type RequestHandler = (req: ClientRequest, res: ClientResponse) => void;

/** Limits of a listener. */
export interface ListenerLimits {
  readonly maxHeadBytes: number;
  readonly readTimeoutMs: number;
  readonly idleTimeoutMs: number;
  /** Largest accepted body (0 = unlimited); asked per request, so configuration changes apply at once. */
  bodyLimitBytes(): number;
}
