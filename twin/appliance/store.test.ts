// The configuration store is crash-consistent: a power cut at any instant of a save, even one
// that tears the block being written, leaves the old or the new configuration, never a mix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BLOCK_SIZE, ConfigStore, Disk, filesystem } from './store.ts';

type Config = unknown;

/** What a configuration reads back as after a JSON round trip (the store keeps JSON). */
const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/** Configurations of any shape, small enough for a slot (up to 15 blocks). */
const config: fc.Arbitrary<Config> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  // Some larger ones, so that a save spans several blocks.
  fc.record({ name: fc.string({ maxLength: 40 }), notes: fc.array(fc.string({ minLength: 100, maxLength: 400 }), { maxLength: 12 }) }),
);

function freshStore(): { disk: Disk; store: ConfigStore<Config> } {
  const disk = new Disk(ConfigStore.blocksNeeded);
  return { disk, store: new ConfigStore<Config>(disk) };
}

/** After a restart: a new store over the same disk. */
function reopen(disk: Disk): ConfigStore<Config> {
  return new ConfigStore<Config>(disk);
}

describe('Disk', () => {
  test('a block reads back what was written; reads are copies', () => {
    const disk = new Disk(4);
    const data = new Uint8Array(BLOCK_SIZE).map((_, i) => i % 251);
    disk.write(2, data);
    const read = disk.read(2);
    assert.deepEqual(read, data);
    read[0] = 99;
    assert.equal(disk.read(2)[0], 0);
    assert.deepEqual(disk.read(1), new Uint8Array(BLOCK_SIZE));
  });

  test('a torn write writes only its first bytes', () => {
    const disk = new Disk(2);
    disk.write(0, new Uint8Array(BLOCK_SIZE).fill(1));
    disk.write(0, new Uint8Array(BLOCK_SIZE).fill(2), 100);
    const read = disk.read(0);
    assert.ok(read.subarray(0, 100).every((b) => b === 2));
    assert.ok(read.subarray(100).every((b) => b === 1));
  });

  test('wrong sizes and blocks are refused', () => {
    const disk = new Disk(2);
    assert.throws(() => disk.write(0, new Uint8Array(10)), RangeError);
    assert.throws(() => disk.read(2), RangeError);
    assert.throws(() => disk.read(-1), RangeError);
    assert.throws(() => new ConfigStore(new Disk(ConfigStore.blocksNeeded - 1)), RangeError);
  });
});

describe('ConfigStore', () => {
  test('a blank disk holds no configuration (factory state)', () => {
    assert.equal(freshStore().store.load(), null);
  });

  test('property: a save cut at any write, torn at any byte, leaves exactly the old or the new configuration', () => {
    fc.assert(fc.property(
      fc.array(config, { minLength: 1, maxLength: 3 }),
      config,
      fc.nat(),
      fc.integer({ min: 0, max: BLOCK_SIZE }),
      (history, next, cutSeed, torn) => {
        const { disk, store } = freshStore();
        for (const c of history) store.save(c);
        const old = roundTrip(history[history.length - 1]);
        assert.deepEqual(store.load(), old, 'the last completed save is loaded');
        const writes = store.planSave(next);
        assert.ok(writes.length >= 2, 'a save writes the payload and a header');
        const k = cutSeed % writes.length;
        for (let i = 0; i < k; i++) disk.write(writes[i]!.block, writes[i]!.data);
        disk.write(writes[k]!.block, writes[k]!.data, torn);
        const loaded = reopen(disk).load();
        const isOld = JSON.stringify(loaded) === JSON.stringify(old);
        const isNew = JSON.stringify(loaded) === JSON.stringify(roundTrip(next));
        assert.ok(isOld || isNew, `cut at write ${k} of ${writes.length}, ${torn} bytes: loaded ${JSON.stringify(loaded)?.slice(0, 200)}`);
        // Until the header (the last write) reaches the disk, the new configuration is not visible.
        if (k < writes.length - 1) assert.deepEqual(loaded, old);
      },
    ), { numRuns: 300 });
  });

  test('property: with no cut the new configuration is loaded', () => {
    fc.assert(fc.property(fc.array(config, { maxLength: 3 }), config, (history, next) => {
      const { disk, store } = freshStore();
      for (const c of history) store.save(c);
      for (const w of store.planSave(next)) disk.write(w.block, w.data);
      assert.deepEqual(reopen(disk).load(), roundTrip(next));
    }), { numRuns: 200 });
  });

  test('property: a cut save on a factory-fresh disk leaves no configuration or the new one', () => {
    fc.assert(fc.property(config, fc.nat(), fc.integer({ min: 0, max: BLOCK_SIZE }), (next, cutSeed, torn) => {
      const { disk, store } = freshStore();
      const writes = store.planSave(next);
      const k = cutSeed % writes.length;
      for (let i = 0; i < k; i++) disk.write(writes[i]!.block, writes[i]!.data);
      disk.write(writes[k]!.block, writes[k]!.data, torn);
      const loaded = reopen(disk).load();
      assert.ok(loaded === null || JSON.stringify(loaded) === JSON.stringify(roundTrip(next)));
    }), { numRuns: 200 });
  });

  test('the header is written last', () => {
    const { store } = freshStore();
    const writes = store.planSave({ a: 'x'.repeat(2000) });
    const header = writes[writes.length - 1]!.block;
    assert.ok(writes.slice(0, -1).every((w) => w.block > header), 'payload blocks follow their header block');
    assert.equal(new Set(writes.map((w) => w.block)).size, writes.length);
  });

  test('repeated saves alternate between two slots and the newest wins', () => {
    const { disk, store } = freshStore();
    const headers: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const writes = store.planSave({ version: i });
      headers.push(writes[writes.length - 1]!.block);
      for (const w of writes) disk.write(w.block, w.data);
      assert.deepEqual(reopen(disk).load(), { version: i });
    }
    assert.equal(new Set(headers).size, 2, `two slots: ${headers.join(', ')}`);
    for (let i = 1; i < headers.length; i++) assert.notEqual(headers[i], headers[i - 1], 'each save goes to the other slot');
  });

  test('a save never touches the slot holding the newest configuration', () => {
    const { disk, store } = freshStore();
    store.save({ version: 1 });
    store.save({ version: 2 });
    const before = Array.from({ length: disk.blockCount }, (_, b) => disk.read(b));
    const touched = new Set(store.planSave({ version: 3, big: 'y'.repeat(3000) }).map((w) => w.block));
    // Whatever those writes do, the blocks of version 2 are the ones not touched: overwrite
    // every touched block with garbage and version 2 must still load.
    for (const b of touched) disk.write(b, new Uint8Array(BLOCK_SIZE).fill(0xa5));
    assert.deepEqual(reopen(disk).load(), { version: 2 });
    for (let b = 0; b < disk.blockCount; b++) if (!touched.has(b)) assert.deepEqual(disk.read(b), before[b]);
  });

  test('a corrupted header is ignored: the other slot is loaded', () => {
    const { disk, store } = freshStore();
    store.save({ version: 1 });
    const writes = store.planSave({ version: 2 });
    for (const w of writes) disk.write(w.block, w.data);
    const headerBlock = writes[writes.length - 1]!.block;
    for (const offset of [0, 5, 9, 13]) {
      const header = disk.read(headerBlock);
      const corrupted = header.slice();
      corrupted[offset] = corrupted[offset]! ^ 0xff;
      disk.write(headerBlock, corrupted);
      assert.deepEqual(reopen(disk).load(), { version: 1 }, `byte ${offset} of the header flipped`);
      disk.write(headerBlock, header);
      assert.deepEqual(reopen(disk).load(), { version: 2 });
    }
  });

  test('a corrupted payload is ignored too; with both slots corrupted nothing loads', () => {
    const { disk, store } = freshStore();
    const first = store.planSave({ version: 1 });
    for (const w of first) disk.write(w.block, w.data);
    const second = store.planSave({ version: 2 });
    for (const w of second) disk.write(w.block, w.data);
    const flip = (block: number) => {
      const data = disk.read(block);
      data[3] = data[3]! ^ 0x01;
      disk.write(block, data);
    };
    flip(second[0]!.block);
    assert.deepEqual(reopen(disk).load(), { version: 1 });
    flip(first[first.length - 1]!.block);
    assert.equal(reopen(disk).load(), null);
  });

  test('a configuration larger than a slot is refused before anything is written', () => {
    const { store } = freshStore();
    assert.throws(() => store.planSave({ big: 'z'.repeat(15 * BLOCK_SIZE) }), RangeError);
  });
});

describe('filesystem clean flag', () => {
  test('set by a proper shutdown, cleared while mounted; the configuration is unaffected', () => {
    const { disk, store } = freshStore();
    assert.equal(filesystem.isClean(disk), false, 'a blank disk was never shut down');
    store.save({ version: 1 });
    filesystem.mark(disk, true);
    assert.equal(filesystem.isClean(disk), true);
    filesystem.mark(disk, false);
    assert.equal(filesystem.isClean(disk), false);
    assert.deepEqual(reopen(disk).load(), { version: 1 });
  });
});
