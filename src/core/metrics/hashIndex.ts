/**
 * Commit hashes → dense ids, without a JavaScript string per commit. Hashes are kept as their hex bytes
 * in one growing byte array and found through an open-addressing table keyed by their first sixteen
 * hex digits. Reading half a million commits this way allocates almost nothing per commit, which is most of
 * what makes the streamed log fast; a Map of 40-character strings cost several times more.
 */

const EMPTY = 0;
const HEX_DECODER = new TextDecoder('latin1');

export class HashIndex {
  /** 40 for SHA-1 repositories, 64 for SHA-256; fixed by the first hash seen. */
  width = 0;
  private bytes: Uint8Array;
  private table: Int32Array;
  private count = 0;
  private readonly scratch = new Uint8Array(64);

  /** `expected`: how many hashes to make room for before the first resize. */
  constructor(expected = 1024) {
    this.bytes = new Uint8Array(expected * 40);
    this.table = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(16, expected * 2))));
  }

  get size(): number {
    return this.count;
  }

  /** The id of the hash whose hex digits are data[start, start + width), added when new. */
  idAt(data: Uint8Array, start: number, width: number): number {
    if (this.width === 0) this.width = width;
    if (width !== this.width) return -1;
    const mask = this.table.length - 1;
    for (let slot = prefix(data, start) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === EMPTY) return this.insert(slot, data, start);
      if (this.equals(entry - 1, data, start)) return entry - 1;
    }
  }

  /** The id of a known hash, or -1; never adds. */
  find(hash: string): number {
    const data = this.scratchOf(hash);
    if (!data) return -1;
    const mask = this.table.length - 1;
    for (let slot = prefix(data, 0) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === EMPTY) return -1;
      if (this.equals(entry - 1, data, 0)) return entry - 1;
    }
  }

  /** Adds a hash given as a string (a tag's target), returning its id; -1 when it is not a hash of this width. */
  idOf(hash: string): number {
    if (this.width === 0) this.width = hash.length;
    const data = this.scratchOf(hash);
    return data ? this.idAt(data, 0, hash.length) : -1;
  }

  /** The hash's hex digits as bytes, in a buffer reused between calls; null when it is not lower-case hex of this width. */
  private scratchOf(hash: string): Uint8Array | null {
    if (hash.length !== this.width) return null;
    for (let i = 0; i < hash.length; i++) {
      const c = hash.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return null;
      this.scratch[i] = c;
    }
    return this.scratch;
  }

  hashOf(id: number): string {
    const start = id * this.width;
    // A decoder, not a spread or String.fromCharCode.apply (three times slower): every first-parent
    // commit of a tagless history becomes a deployment named by its hash. Hex digits are ASCII, which
    // every single-byte decoding reads alike.
    return HEX_DECODER.decode(this.bytes.subarray(start, start + this.width));
  }

  /** Copies the hash's hex digits into target[at, at + width): a packed copy without a string per commit. */
  copyHash(id: number, target: Uint8Array, at: number): void {
    const start = id * this.width;
    for (let i = 0; i < this.width; i++) target[at + i] = this.bytes[start + i]!;
  }

  private insert(slot: number, data: Uint8Array, start: number): number {
    const id = this.count++;
    const end = (id + 1) * this.width;
    if (end > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(end, this.bytes.length * 2, 1 << 16));
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    // A byte loop, not set(subarray()): a view object per commit costs more than copying 40 bytes.
    const base = id * this.width;
    for (let i = 0; i < this.width; i++) this.bytes[base + i] = data[start + i]!;
    this.table[slot] = id + 1;
    // Kept at most half full, so probes stay short.
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
    return id;
  }

  private rehash(capacity: number): void {
    const table = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = prefix(this.bytes, id * this.width) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }

  private equals(id: number, data: Uint8Array, start: number): boolean {
    const base = id * this.width;
    for (let i = 0; i < this.width; i++) if (this.bytes[base + i] !== data[start + i]) return false;
    return true;
  }
}

/**
 * A 32-bit slot key from the first sixteen hex digits. Git hashes are uniformly random, so this spreads
 * evenly; mixing in the second eight digits keeps hashes that share a start from piling onto one slot.
 */
function prefix(data: Uint8Array, start: number): number {
  let high = 0;
  let low = 0;
  for (let i = 0; i < 8; i++) {
    high = (high << 4) | hexValue(data[start + i]!);
    low = (low << 4) | hexValue(data[start + 8 + i]!);
  }
  return (high ^ Math.imul(low, 0x9e3779b1)) >>> 0;
}

function hexValue(c: number): number {
  return c <= 57 ? c - 48 : c - 87;
}
