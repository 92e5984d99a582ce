import * as assert from 'node:assert/strict';
import { HashIndex } from '../../../../src/core/metrics/hashIndex';

const bytes = (hash: string) => Uint8Array.from(hash, (c) => c.charCodeAt(0));
/** Hashes that all share their first sixteen digits, the part the table is keyed by. */
const sameStart = (n: number) => `deadbeef01234567${n.toString(16).padStart(24, '0')}`;

describe('the hash index', () => {
  it('gives each distinct hash the next id and the same id when seen again', () => {
    const index = new HashIndex(2);
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    assert.deepEqual([index.idOf(a), index.idOf(b), index.idAt(bytes(`xx${a}`), 2, 40)], [0, 1, 0]);
    assert.equal(index.size, 2);
  });

  it('tells apart hashes that share the digits it is keyed by, across resizes', () => {
    const index = new HashIndex(4);
    const ids = Array.from({ length: 300 }, (_, i) => index.idOf(sameStart(i)));
    assert.deepEqual(
      ids,
      Array.from({ length: 300 }, (_, i) => i),
    );
    assert.equal(index.find(sameStart(271)), 271);
    assert.equal(index.hashOf(271), sameStart(271));
  });

  it('finds nothing for an unknown hash, a hash of another length or something that is not hex', () => {
    const index = new HashIndex();
    index.idOf('c'.repeat(40));
    assert.deepEqual(
      [index.find('d'.repeat(40)), index.find('c'.repeat(39)), index.find('C'.repeat(40)), index.find('z'.repeat(40))],
      [-1, -1, -1, -1],
    );
  });

  it('keeps to the width of the first hash, so SHA-256 repositories work too', () => {
    const index = new HashIndex();
    const long = 'e'.repeat(64);
    assert.equal(index.idOf(long), 0);
    assert.equal(index.hashOf(0), long);
    assert.equal(index.idOf('e'.repeat(40)), -1);
  });
});
