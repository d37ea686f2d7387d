import fs from 'node:fs';
import zlib from 'node:zlib';
import { Compression, TileType } from 'pmtiles';

/**
 * Writes a tiny but valid PMTiles v3 archive with no tiles (test fixture): a 127-byte header,
 * an empty root directory and gzip-compressed JSON metadata, padded with `padBytes` of filler.
 */
export function writePmtilesFixture(file: string, opts: { tileType: TileType; metadata?: object; padBytes?: number }): void {
  const rootDir = Buffer.from([0]); // varint 0: no entries
  const meta = zlib.gzipSync(JSON.stringify(opts.metadata ?? {}));
  const pad = Buffer.alloc(opts.padBytes ?? 0, 7);
  const h = Buffer.alloc(127);
  h.write('PMTiles', 0, 'latin1');
  h.writeUInt8(3, 7);
  const u64 = (at: number, v: number) => h.writeBigUInt64LE(BigInt(v), at);
  u64(8, 127); u64(16, rootDir.length);
  u64(24, 127 + rootDir.length); u64(32, meta.length);
  u64(40, 127 + rootDir.length + meta.length); u64(48, 0);
  u64(56, 127 + rootDir.length + meta.length); u64(64, pad.length);
  h.writeUInt8(1, 96);
  h.writeUInt8(Compression.Gzip, 97);
  h.writeUInt8(Compression.None, 98);
  h.writeUInt8(opts.tileType, 99);
  h.writeUInt8(0, 100); h.writeUInt8(14, 101);
  h.writeInt32LE(113_0000000, 102); h.writeInt32LE(29_0000000, 106);
  h.writeInt32LE(116_0000000, 110); h.writeInt32LE(32_0000000, 114);
  fs.writeFileSync(file, Buffer.concat([h, rootDir, meta, pad]));
}
