import fs from 'node:fs';
import zlib from 'node:zlib';
import { bytesToHeader, Compression, TileType } from 'pmtiles';

/** What the style needs to know about a local PMTiles archive. */
export interface PmtilesSummary {
  kind: 'raster' | 'vector';
  minZoom: number;
  maxZoom: number;
  /** Source-layer ids of a vector archive (from its metadata); empty for raster. */
  vectorLayers: string[];
  /** The archive's own attribution (may be HTML), if its metadata has one. */
  attribution?: string;
}

const HEADER_BYTES = 127;

function readRange(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, offset);
  return buf.subarray(0, n);
}

function decompress(buf: Buffer, c: Compression, file: string): Buffer {
  if (c === Compression.None || c === Compression.Unknown) return buf;
  if (c === Compression.Gzip) return zlib.gunzipSync(buf);
  if (c === Compression.Brotli) return zlib.brotliDecompressSync(buf);
  throw new Error(`BASEMAP_PMTILES ${file}: metadata compression ${Compression[c]} is not supported (use gzip)`);
}

function vectorLayerIds(meta: unknown): string[] {
  const layers = (meta as { vector_layers?: unknown }).vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers.flatMap((l: unknown) => {
    const id = (l as { id?: unknown }).id;
    return typeof id === 'string' ? [id] : [];
  });
}

/**
 * Reads the header (and, for vector archives, the metadata) synchronously so that a missing or
 * broken file stops the server at startup with the path in the message, not at the first request.
 */
export function readPmtilesSummary(file: string): PmtilesSummary {
  if (!fs.existsSync(file)) throw new Error(`BASEMAP_PMTILES: file not found: ${file}`);
  const fd = fs.openSync(file, 'r');
  try {
    const head = readRange(fd, 0, HEADER_BYTES);
    if (head.length < HEADER_BYTES || head.subarray(0, 7).toString('latin1') !== 'PMTiles' || head[7] !== 3) {
      throw new Error(`BASEMAP_PMTILES: ${file} is not a PMTiles v3 archive`);
    }
    const h = bytesToHeader(head.buffer.slice(head.byteOffset, head.byteOffset + HEADER_BYTES) as ArrayBuffer);
    if (h.tileType === TileType.Unknown || h.tileType === TileType.Mlt) {
      throw new Error(`BASEMAP_PMTILES: ${file} holds ${TileType[h.tileType]} tiles; only MVT vector and PNG/JPEG/WebP/AVIF raster are supported`);
    }
    const meta = h.jsonMetadataLength > 0
      ? (JSON.parse(decompress(readRange(fd, h.jsonMetadataOffset, h.jsonMetadataLength), h.internalCompression, file).toString('utf8')) as Record<string, unknown>)
      : {};
    const kind = h.tileType === TileType.Mvt ? 'vector' : 'raster';
    if (kind === 'vector' && vectorLayerIds(meta).length === 0) {
      throw new Error(`BASEMAP_PMTILES: ${file} is a vector archive without vector_layers in its metadata; cannot style it`);
    }
    return {
      kind,
      minZoom: h.minZoom,
      maxZoom: h.maxZoom,
      vectorLayers: kind === 'vector' ? vectorLayerIds(meta) : [],
      ...(typeof meta.attribution === 'string' ? { attribution: meta.attribution } : {}),
    };
  } finally {
    fs.closeSync(fd);
  }
}
