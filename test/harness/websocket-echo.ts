// A minimal WebSocket server side for tests (RFC 6455): the handshake, then every text frame from the client
// (masked, up to 64 KiB) is answered with `<prefix>:<text>`; a close frame is answered with a close frame.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff]);
  return Buffer.concat([head, payload]);
}

/** Answers the upgrade of `req` on `socket` and echoes text frames with `prefix`. */
export function websocketEcho(req: IncomingMessage, socket: Duplex, head: Buffer, prefix: string): void {
  const key = req.headers['sec-websocket-key'];
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') { socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'); return; }
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let buf = head;
  const onData = (d: Buffer): void => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      if (buf.length < 2) return;
      const opcode = (buf[0] ?? 0) & 0x0f;
      let len = (buf[1] ?? 0) & 0x7f;
      let offset = 2;
      if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); offset = 4; }
      if (buf.length < offset + 4 + len) return;
      const mask = buf.subarray(offset, offset + 4);
      const payload = Buffer.from(buf.subarray(offset + 4, offset + 4 + len).map((b, i) => b ^ (mask[i % 4] ?? 0)));
      buf = buf.subarray(offset + 4 + len);
      if (opcode === 0x8) { socket.end(frame(0x8, payload.subarray(0, 2))); return; }
      if (opcode === 0x1) socket.write(frame(0x1, Buffer.from(`${prefix}:${payload.toString('utf8')}`)));
    }
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
  if (head.length > 0) onData(Buffer.alloc(0));
}
