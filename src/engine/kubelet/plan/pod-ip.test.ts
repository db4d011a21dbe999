import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocatePodIp, isPodIp } from './pod-ip.js';

const range = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}.${from + i}`);

test('allocatePodIp() worked examples', () => {
  assert.equal(allocatePodIp(new Set()), '127.1.0.1');
  assert.equal(allocatePodIp(new Set(['127.1.0.1', '127.1.0.2'])), '127.1.0.3');
  assert.equal(allocatePodIp(new Set(['127.1.0.2'])), '127.1.0.1');
  assert.equal(allocatePodIp(new Set(range('127.1.0', 1, 254))), '127.1.1.1');
});

test('allocatePodIp() skips the Service range 127.96.x.x', () => {
  const used = new Set<string>();
  for (let b = 1; b < 96; b++) for (let c = 0; c < 256; c++) for (const ip of range(`127.${b}.${c}`, 1, 254)) used.add(ip);
  assert.equal(allocatePodIp(used), '127.97.0.1');
});

test('isPodIp() refuses the host, the Service range and .0/.255', () => {
  assert.deepEqual(['127.0.0.1', '127.96.0.5', '127.1.0.0', '127.1.0.255', '127.1.0.9', '10.0.0.1'].map(isPodIp), [false, false, false, false, true, false]);
});

test('allocatePodIp() starts at a configured first address', () => {
  assert.equal(allocatePodIp(new Set(), '127.150.0.1'), '127.150.0.1');
  assert.equal(allocatePodIp(new Set(['127.150.0.1']), '127.150.0.1'), '127.150.0.2');
  assert.equal(allocatePodIp(new Set(), '127.0.0.1'), '127.1.0.1');
});
