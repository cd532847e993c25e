// The appliance's disk and its configuration store. The store is crash-consistent: a save is a
// list of block writes to the slot not holding the newest copy, the checksummed header last, so
// a power cut at any instant of a save (even one that tears the block being written) leaves the
// old or the new configuration, never a mix. The disk also keeps the filesystem's clean flag,
// cleared while running and set by a proper shutdown: "If you do not follow these instructions,
// file system corruption may occur."
// Hand-written: it models the appliance's disk blocks and a power cut between two of them, which
// no storage library exposes.
import { crc32 } from 'node:zlib';

export const BLOCK_SIZE = 512;

/** A block device: whole-block reads and writes, nothing cached. */
export class Disk {
  readonly #blocks: Uint8Array[];

  constructor(blockCount: number) {
    this.#blocks = Array.from({ length: blockCount }, () => new Uint8Array(BLOCK_SIZE));
  }

  get blockCount(): number {
    return this.#blocks.length;
  }

  read(block: number): Uint8Array {
    return this.#blocks[this.#check(block)]!.slice();
  }

  /** Writes a block; `torn` bytes (a power cut mid-write) writes only that many from the start. */
  write(block: number, data: Uint8Array, torn?: number): void {
    if (data.length !== BLOCK_SIZE) throw new RangeError(`a block is ${BLOCK_SIZE} bytes, got ${data.length}`);
    const target = this.#blocks[this.#check(block)]!;
    target.set(torn === undefined ? data : data.subarray(0, Math.max(0, Math.min(torn, BLOCK_SIZE))));
  }

  #check(block: number): number {
    if (!Number.isInteger(block) || block < 0 || block >= this.#blocks.length) throw new RangeError(`no block ${block}`);
    return block;
  }
}

export interface BlockWrite {
  block: number;
  data: Uint8Array;
}

const MAGIC = 0x51534143; // "QSAC"
const SUPERBLOCK = 0;
const SLOT_BLOCKS = 16;
const SLOT_START = [1, 1 + SLOT_BLOCKS] as const;

interface SlotState {
  seq: number;
  payload: Uint8Array;
}

/** The configuration store over a disk: JSON documents in two alternating checksummed slots. */
export class ConfigStore<T> {
  readonly #disk: Disk;

  static readonly blocksNeeded = 1 + 2 * SLOT_BLOCKS;

  constructor(disk: Disk) {
    if (disk.blockCount < ConfigStore.blocksNeeded) throw new RangeError('disk too small for the configuration store');
    this.#disk = disk;
  }

  /** The newest intact configuration, or null when neither slot holds one (factory state). */
  load(): T | null {
    const newest = this.#newest();
    return newest ? (JSON.parse(new TextDecoder().decode(newest.state.payload)) as T) : null;
  }

  /** The block writes that save `value`, in the order they must reach the disk. */
  planSave(value: T): BlockWrite[] {
    const payload = new TextEncoder().encode(JSON.stringify(value));
    const capacity = (SLOT_BLOCKS - 1) * BLOCK_SIZE;
    if (payload.length > capacity) throw new RangeError(`configuration of ${payload.length} bytes exceeds the slot's ${capacity}`);
    const newest = this.#newest();
    const slot: 0 | 1 = newest ? (newest.slot === 0 ? 1 : 0) : 0;
    const seq = newest ? newest.state.seq + 1 : 1;
    const start = SLOT_START[slot];
    const writes: BlockWrite[] = [];
    for (let offset = 0, block = start + 1; offset < payload.length; offset += BLOCK_SIZE, block++) {
      const data = new Uint8Array(BLOCK_SIZE);
      data.set(payload.subarray(offset, offset + BLOCK_SIZE));
      writes.push({ block, data });
    }
    const header = new Uint8Array(BLOCK_SIZE);
    const view = new DataView(header.buffer);
    view.setUint32(0, MAGIC);
    view.setUint32(4, seq);
    view.setUint32(8, payload.length);
    view.setUint32(12, checksum(seq, payload));
    writes.push({ block: start, data: header });
    return writes;
  }

  /** Saves at once (no power cut possible): for set-up and tests. */
  save(value: T): void {
    for (const w of this.planSave(value)) this.#disk.write(w.block, w.data);
  }

  #newest(): { slot: 0 | 1; state: SlotState } | null {
    let best: { slot: 0 | 1; state: SlotState } | null = null;
    for (const slot of [0, 1] as const) {
      const state = this.#readSlot(SLOT_START[slot]);
      if (state && (!best || state.seq > best.state.seq)) best = { slot, state };
    }
    return best;
  }

  #readSlot(start: number): SlotState | null {
    const header = new DataView(this.#disk.read(start).buffer);
    if (header.getUint32(0) !== MAGIC) return null;
    const seq = header.getUint32(4);
    const length = header.getUint32(8);
    if (length > (SLOT_BLOCKS - 1) * BLOCK_SIZE) return null;
    const payload = new Uint8Array(length);
    for (let offset = 0, block = start + 1; offset < length; offset += BLOCK_SIZE, block++) {
      payload.set(this.#disk.read(block).subarray(0, Math.min(BLOCK_SIZE, length - offset)), offset);
    }
    return header.getUint32(12) === checksum(seq, payload) ? { seq, payload } : null;
  }
}

function checksum(seq: number, payload: Uint8Array): number {
  const seqBytes = new Uint8Array(4);
  new DataView(seqBytes.buffer).setUint32(0, seq);
  return crc32(payload, crc32(seqBytes)) >>> 0;
}

/** The filesystem's clean flag: cleared while mounted, set by a proper shutdown. */
export const filesystem = {
  isClean(disk: Disk): boolean {
    return new DataView(disk.read(SUPERBLOCK).buffer).getUint32(0) === 0x434c4e21; // "CLN!"
  },
  mark(disk: Disk, clean: boolean): void {
    const data = new Uint8Array(BLOCK_SIZE);
    if (clean) new DataView(data.buffer).setUint32(0, 0x434c4e21);
    disk.write(SUPERBLOCK, data);
  },
};
