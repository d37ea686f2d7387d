import { describe, expect, test } from 'vitest';
import { ReportId } from '../../shared/commands.js';
import { Actor } from '../../shared/events.js';
import { actorFor, makeFix, parseTimestamp, parsing, reportIdFor } from './fix.js';
import { basicAuth, deviceIdFromTopic, httpDeviceId } from './owntracksParse.js';

const T = Date.UTC(2020, 1, 10, 2, 20, 34);

describe('timestamps as trackers send them', () => {
  test.each([
    ['1581301234', T],
    ['1581301234567', T + 567],
    ['1581301234.5', T + 500],
    ['2020-02-10T02:20:34Z', T],
    ['2020-02-10T02:20:34.250Z', T + 250],
    ['2020-02-10T10:20:34+08:00', T],
    ['2020-02-10T10:20:34+0800', T],
    ['2020-02-10T02:20:34', T],
    ['2020-02-10 02:20:34', T],
  ])('reads %s', (raw, expected) => {
    expect(parseTimestamp(raw)).toBe(expected);
  });

  test.each(['', 'now', '-1581301234', '2020-02-30 02:20:34', '2020-13-10T02:20:34Z', '2020-02-10 24:00:00', '10/02/2020'])('refuses %j', (raw) => {
    expect(parseTimestamp(raw)).toBeNull();
  });
});

describe('report ids', () => {
  const fix = { deviceId: '123456', recordedAt: T, lat: 30.58, lon: 114.3 };

  test('the same fix always gets the same valid 32-character id', () => {
    const id = reportIdFor(fix);
    expect(id).toHaveLength(32);
    expect(ReportId.safeParse(id).success).toBe(true);
    expect(reportIdFor({ ...fix })).toBe(id);
  });

  test('another device, time or place gets another id', () => {
    const ids = new Set([fix, { ...fix, deviceId: '123457' }, { ...fix, recordedAt: T + 1 }, { ...fix, lat: 30.5800001 }, { ...fix, lon: 114.31 }].map(reportIdFor));
    expect(ids.size).toBe(5);
  });
});

describe('fixes', () => {
  const base = { deviceId: 'd', recordedAt: T, lat: 30.58, lon: 114.3 };

  test('negative speed, heading and accuracy are unknown and left out; a negative battery is refused', () => {
    expect(makeFix({ ...base, speedMps: -1, headingDeg: -1, accuracyM: -1 })).toEqual(base);
    expect(parsing(() => makeFix({ ...base, batteryPct: -1 }))).toEqual({ ok: false, reason: 'battery -1% is out of range (0..100%)' });
  });

  test('boundaries are accepted', () => {
    expect(makeFix({ ...base, lat: -90, lon: 180, headingDeg: 360, batteryPct: 0, speedMps: 100 })).toMatchObject({ headingDeg: 360, batteryPct: 0 });
  });
});

describe('actors', () => {
  test('tracker actors fit the event log alphabet, OwnTracks ids included', () => {
    expect(actorFor('123456')).toBe('tracker:123456');
    expect(actorFor('alice/phone')).toBe('tracker:alice:phone');
    expect(Actor.safeParse(actorFor('bob smith/iPhone 12 ✓')).success).toBe(true);
  });
});

describe('OwnTracks identities', () => {
  test('the + levels of the topic filter name the device', () => {
    expect(deviceIdFromTopic('owntracks/alice/phone', 'owntracks/+/+')).toBe('alice/phone');
    expect(deviceIdFromTopic('gc/owntracks/alice/phone', 'gc/owntracks/+/+')).toBe('alice/phone');
    expect(deviceIdFromTopic('owntracks/alice/phone/event', 'owntracks/+/+/#')).toBe('alice/phone');
    expect(deviceIdFromTopic('owntracks/alice', 'owntracks/+/+')).toBeNull();
    expect(deviceIdFromTopic('other/alice/phone', 'owntracks/+/+')).toBeNull();
  });

  test('HTTP: X-Limit-U/-D first, else the Basic user and the last level of the topic', () => {
    expect(httpDeviceId({ user: 'alice', device: 'phone' }, 'ignored', 'owntracks/x/y')).toBe('alice/phone');
    expect(httpDeviceId({}, 'alice', 'owntracks/alice/phone')).toBe('alice/phone');
    expect(httpDeviceId({}, 'alice', null)).toBeNull();
  });

  test('Basic credentials keep colons in the password', () => {
    const header = `Basic ${Buffer.from('alice:s3:cret').toString('base64')}`;
    expect(basicAuth(header)).toEqual({ user: 'alice', password: 's3:cret' });
    expect(basicAuth('Bearer abc')).toBeNull();
    expect(basicAuth(undefined)).toBeNull();
  });
});
