import { describe, expect, test } from 'vitest';
import { encodeEvent, textFrameHeader } from './frames.js';

describe('frames', () => {
  test('encodeEvent: the packet socket.emit would send, framed in two buffers or in one', () => {
    const delta = { fromSeq: 1, toSeq: 2, serverTime: 3, teams: [{ id: 't1', name: '江岸区消杀一队' }] };
    const two = encodeEvent('state:delta', delta);
    const one = encodeEvent('state:delta', delta, { oneBuffer: true });
    expect(JSON.parse(two.packet.slice(1))).toEqual(['state:delta', delta]);
    expect(one.packet).toBe(two.packet);
    expect(one.frame).toHaveLength(1);
    expect(one.frame[0]).toEqual(Buffer.concat(two.frame));
    expect(two.frame[0].readUInt8(1)).toBe(two.frame[1]!.length); // under 126 bytes: the 1-byte length form
    expect(two.frame[1]!.toString()).toBe(`4${two.packet}`);
  });

  test('uses the 1-, 2- and 8-byte length forms at their limits', () => {
    expect([...textFrameHeader(125)]).toEqual([0x81, 125]);
    expect([...textFrameHeader(126)]).toEqual([0x81, 126, 0, 126]);
    const big = textFrameHeader(70_000);
    expect(big[1]).toBe(127);
    expect(big.readBigUInt64BE(2)).toBe(70_000n);
  });
});
