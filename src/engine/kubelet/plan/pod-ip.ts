// Pod IPs: each pod gets its own loopback address, so every pod can listen on its containerPort.
// Linux routes all of 127.0.0.0/8 to the loopback interface, so no setup is needed.

/** First pod IP handed out. 127.0.0.1 is the host; 127.96.0.0/16 holds Service addresses. */
export const FIRST_POD_IP = '127.1.0.1';

const SERVICE_SECOND_OCTET = 96;

/** The address as a number, or NaN when it is not dotted IPv4. */
function toNumber(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return Number.NaN;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** True for an address the allocator may hand out: 127.1.0.1 and up, last octet 1–254, never 127.96.x.x. */
export function isPodIp(ip: string): boolean {
  const n = toNumber(ip);
  if (Number.isNaN(n) || n < toNumber(FIRST_POD_IP) || n > toNumber('127.255.255.254')) return false;
  const last = n % 256;
  return last !== 0 && last !== 255 && Math.floor(n / 65536) % 256 !== SERVICE_SECOND_OCTET;
}

/**
 * The lowest free pod IP from `first` (default 127.1.0.1) up. Example: with 127.1.0.1 and 127.1.0.2 taken
 * → 127.1.0.3; with all of 127.1.0.1–127.1.0.254 taken → 127.1.1.1 (.255 and .0 are skipped). Undefined
 * when none is left.
 */
export function allocatePodIp(used: ReadonlySet<string>, first: string = FIRST_POD_IP): string | undefined {
  const end = toNumber('127.255.255.254');
  const start = toNumber(first);
  for (let n = Number.isNaN(start) ? toNumber(FIRST_POD_IP) : Math.max(start, toNumber(FIRST_POD_IP)); n <= end; n++) {
    const ip = toIp(n);
    if (!isPodIp(ip)) {
      // Jump over the Service range in one step rather than 65,536.
      if (Math.floor(n / 65536) % 256 === SERVICE_SECOND_OCTET) n = (Math.floor(n / 65536) + 1) * 65536;
      continue;
    }
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
