// The contract every TrafficRouter passes (style.md pair 9, Hono's runTest pattern): weights show in the objects it
// writes and in what it reads back, repeated calls write nothing, managed routes come and go idempotently, missing
// objects are typed RouterErrors, and an aborted signal writes nothing. Each router's test file calls it with a
// setup that builds a fresh Rollout and fresh objects on the in-process API server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RouterError, type HeaderRoute, type TrafficRouter } from '../../src/rollouts/traffic/index.js';

/** One router under test, with independent ways to look at what it wrote. */
export interface RouterUnderTest {
  readonly router: TrafficRouter;
  /** maxTrafficWeight of the Rollout. */
  readonly maxWeight: number;
  /** The canary weight as the written object says it, read without the router. */
  observedWeight(): Promise<number | undefined>;
  /** resourceVersions of every object the router writes ('absent' for one not created yet). */
  versions(): Promise<readonly string[]>;
  /** A header route to install; absent when the router has none (it must then answer 'unsupported'). */
  readonly headerRoute?: HeaderRoute;
  /** Whether the objects now carry the header route. */
  hasHeaderRoute?(): Promise<boolean>;
  /** A router for a Rollout whose object does not exist (or, for routers that create it, belongs to someone else). */
  readonly misconfigured: TrafficRouter;
  /** What the misconfigured router's RouterError must name, e.g. `Ingress "missing"`. */
  readonly brokenObject: string;
}

const live = (): AbortSignal => new AbortController().signal;
const update = (weight: number) => ({ weight, canaryHash: 'canary-hash', stableHash: 'stable-hash', additional: [] });

/** Registers the contract's tests for one router implementation. */
export function trafficRouterContract(name: string, setup: () => Promise<RouterUnderTest>): void {
  test(`${name} (contract): setWeight 0 → 20 → max → 0 shows in the object, currentWeight and verifyWeight`, async () => {
    const u = await setup();
    for (const w of [0, 20, u.maxWeight, 0]) {
      await u.router.setWeight(update(w), live());
      assert.equal(await u.observedWeight(), w, `object at ${w}`);
      if (u.router.currentWeight) assert.equal(await u.router.currentWeight(live()), w, `currentWeight at ${w}`);
      assert.ok([true, 'unsupported'].includes(await u.router.verifyWeight(w, live())), `verifyWeight(${w})`);
      const other = w === 20 ? 30 : 20;
      assert.ok([false, 'unsupported'].includes(await u.router.verifyWeight(other, live())), `verifyWeight(${other}) at ${w}`);
    }
  });

  test(`${name} (contract): repeating setWeight writes nothing`, async () => {
    const u = await setup();
    await u.router.setWeight(update(20), live());
    const before = await u.versions();
    assert.ok(!before.includes('absent'), 'the first setWeight creates or updates every object');
    await u.router.setWeight(update(20), live());
    assert.deepEqual(await u.versions(), before);
  });

  test(`${name} (contract): header routes and removeManagedRoutes are idempotent`, async () => {
    const u = await setup();
    await u.router.setWeight(update(20), live());
    if (u.headerRoute === undefined || u.hasHeaderRoute === undefined) {
      assert.equal(await u.router.setHeaderRoute({ name: 'h', match: [{ headerName: 'x', headerValue: { exact: 'y' } }] }, live()), 'unsupported');
    } else {
      assert.notEqual(await u.router.setHeaderRoute(u.headerRoute, live()), 'unsupported');
      assert.equal(await u.hasHeaderRoute(), true, 'header route installed');
      const installed = await u.versions();
      await u.router.setHeaderRoute(u.headerRoute, live());
      assert.deepEqual(await u.versions(), installed, 'a repeated setHeaderRoute writes nothing');
      await u.router.setWeight(update(40), live());
      assert.equal(await u.observedWeight(), 40);
      assert.equal(await u.hasHeaderRoute(), true, 'setWeight keeps the header route');
    }
    await u.router.removeManagedRoutes(live());
    if (u.hasHeaderRoute) assert.equal(await u.hasHeaderRoute(), false, 'header route removed');
    const removed = await u.versions();
    await u.router.removeManagedRoutes(live());
    assert.deepEqual(await u.versions(), removed, 'a repeated removeManagedRoutes writes nothing');
  });

  test(`${name} (contract): a missing or foreign object is a RouterError naming it`, async () => {
    const u = await setup();
    await assert.rejects(u.misconfigured.setWeight(update(20), live()), (e: unknown) => {
      assert.ok(e instanceof RouterError, `RouterError expected, got ${String(e)}`);
      assert.equal(e.name, 'RouterError');
      assert.equal(e.router, u.router.type);
      assert.ok(e.message.includes(u.brokenObject), `"${e.message}" names ${u.brokenObject}`);
      return true;
    });
  });

  test(`${name} (contract): an aborted signal writes nothing`, async () => {
    const u = await setup();
    await u.router.setWeight(update(20), live());
    const before = await u.versions();
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(u.router.setWeight(update(50), ac.signal), { name: 'AbortError' });
    assert.deepEqual(await u.versions(), before);
    assert.equal(await u.observedWeight(), 20);
  });
}
