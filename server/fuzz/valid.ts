import fc from 'fast-check';
import type { CommandName } from '../../shared/commands.js';
import { T0 } from '../testing/fixtures.js';
import type { Json } from './mutate.js';

// Valid inputs for every inbound path, about the fixture world (server/testing/fixtures.ts): what the
// fuzzer mutates. fuzz.test.ts checks that each one is valid, so a mutation is a step away from valid.

const reportId = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);
const recordedAt = fc.integer({ min: T0, max: T0 + 86_400_000 });
const lngLat = fc.tuple(fc.double({ min: 114.2, max: 114.4, noNaN: true }), fc.double({ min: 30.5, max: 30.7, noNaN: true }));
const small = fc.integer({ min: 0, max: 50 });
const base = { reportId, recordedAt };

/** One valid payload per socket/HTTP command. */
export const VALID_COMMANDS: Record<CommandName, fc.Arbitrary<Json>> = {
  'position:report': fc.record(
    { ...base, teamId: fc.constantFrom('t1', 't2'), position: lngLat, accuracyM: small, speedMps: small, headingDeg: fc.integer({ min: 0, max: 360 }), batteryPct: fc.integer({ min: 0, max: 100 }) },
    { requiredKeys: ['reportId', 'recordedAt', 'teamId', 'position'] },
  ),
  'incident:create': fc.record({
    ...base,
    incidentId: fc.constantFrom('i-fuzz-1', 'i-fuzz-2'),
    kind: fc.constantFrom('forced_passage', 'fever', 'other'),
    severity: fc.constantFrom('low', 'medium', 'high'),
    position: lngLat,
    note: fc.string({ maxLength: 40 }),
    teamId: fc.constant('t1'),
    checkpointId: fc.constant('k1'),
  }),
  'checkpoint:tally': fc.record({ ...base, checkpointId: fc.constantFrom('k1', 'k2'), inboundPersons: small, outboundPersons: small, inboundVehicles: small, refused: small }),
  'checkpoint:setStatus': fc.record({ ...base, checkpointId: fc.constant('k1'), status: fc.constantFrom('open', 'restricted', 'closed'), staffOnDuty: small }),
  'cell:report': fc.record({ ...base, cellId: fc.constantFrom('c1', 'c2'), counts: fc.record({ confirmed: small, suspected: small }) }),
  'cell:visit': fc.record({ ...base, cellId: fc.constant('c1'), teamId: fc.constant('t1'), householdsVisited: small, feverFound: small, suppliesDelivered: small }),
  'team:setStatus': fc.record({ ...base, teamId: fc.constant('t1'), status: fc.constantFrom('on_duty', 'working', 'resting'), taskId: fc.constantFrom('task1', null) }),
  'task:setStatus': fc.record({ ...base, taskId: fc.constant('task1'), status: fc.constantFrom('assigned', 'in_progress'), teamId: fc.constant('t1') }),
  'task:acknowledge': fc.record({ ...base, taskId: fc.constant('task1'), teamId: fc.constant('t1') }),
  'task:complete': fc.record({ ...base, taskId: fc.constant('task1'), teamId: fc.constant('t1'), areaM2: fc.integer({ min: 1, max: 5000 }), agent: fc.constant('含氯消毒液'), notes: fc.constant('') }),
  'supply:deliver': fc.record({ ...base, teamId: fc.constant('t1'), cellId: fc.constant('c1'), position: lngLat, households: small, items: fc.constant('米面油'), note: fc.constant('') }),
  'clock:set': fc.record({ ...base, scenarioTime: recordedAt, speed: fc.integer({ min: 0, max: 600 }) }),
};

const username = fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{2,31}$/);
const password = fc.string({ minLength: 10, maxLength: 40 });

/** Valid JSON bodies of the sign-in and admin routes. */
export const VALID_BODIES = {
  signIn: fc.record({ username: fc.constant('admin'), password }),
  setup: fc.record({ setupCode: fc.constant('123456'), username, displayName: fc.constant('Fuzz'), password }),
  wall: fc.record({ token: fc.string({ minLength: 20, maxLength: 60 }).filter((t) => t.trim().length >= 20) }),
  fieldCode: fc.record({ code: fc.stringMatching(/^[A-Z0-9]{6,12}$/) }),
  createUser: fc.record({ username, displayName: fc.constant('Fuzz'), role: fc.constantFrom('commander', 'analyst'), password }),
  updateUser: fc.record({ displayName: fc.constant('Renamed'), role: fc.constant('analyst'), disabled: fc.boolean(), password }, { requiredKeys: ['displayName'] }),
  issueToken: fc.oneof(
    fc.record({ kind: fc.constant('device'), label: fc.constant('phone'), teamId: fc.constant('t1') }),
    fc.record({ kind: fc.constant('service'), label: fc.constant('bot'), role: fc.constantFrom('commander', 'analyst') }),
    fc.record({ kind: fc.constant('wall'), label: fc.constant('wall 1') }),
  ),
  registerDevice: fc.record({ deviceId: fc.stringMatching(/^[A-Za-z0-9_.:/-]{1,40}$/), teamId: fc.constant('t1'), protocol: fc.constantFrom('osmand', 'owntracks', 'any'), label: fc.constant('tracker'), secret: fc.constant('12345678') }),
};

const square = [[[114.3, 30.58], [114.301, 30.58], [114.301, 30.581], [114.3, 30.581], [114.3, 30.58]]];
/** A GeoJSON grid of one to three valid cells, as a GIS tool exports it. */
export const VALID_GRID = fc.array(fc.stringMatching(/^WC-[0-9]{3}$/), { minLength: 1, maxLength: 3 }).map((ids) => ({
  type: 'FeatureCollection',
  features: [...new Set(ids)].map((id) => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: square },
    properties: { 网格编号: id, district_code: 420106, 区: '武昌区', STREET_CODE: '420106001', 街道: '积玉桥街道', communityCode: '420106001001', 社区: '和平社区', 人口: '2400', households: 920, 网格员: '李娟' },
  })),
}));

/** The tracker devices the fuzz server registers. */
export const OSMAND_DEVICE = '123456';
export const OWNTRACKS = { user: 'alice', device: 'phone', secret: 'correct-horse-battery' } as const;

/** A Traccar Client query (OsmAnd protocol): speed in knots, unix seconds. */
export const VALID_OSMAND_QUERY = fc.record({
  id: fc.constant(OSMAND_DEVICE),
  timestamp: fc.integer({ min: T0 / 1000, max: T0 / 1000 + 86_400 }).map(String),
  lat: fc.double({ min: 30.5, max: 30.7, noNaN: true }).map(String),
  lon: fc.double({ min: 114.2, max: 114.4, noNaN: true }).map(String),
  speed: fc.integer({ min: 0, max: 100 }).map(String),
  bearing: fc.integer({ min: 0, max: 360 }).map(String),
  altitude: fc.constant('20'),
  accuracy: fc.constant('5'),
  batt: fc.integer({ min: 0, max: 100 }).map(String),
});

/** The JSON body of Traccar Client ≥ 9. */
export const VALID_TRACCAR_JSON = fc.record({
  device_id: fc.constant(OSMAND_DEVICE),
  location: fc.record({
    timestamp: fc.constant('2020-02-10T02:20:34.000Z'),
    coords: fc.record({ latitude: fc.double({ min: 30.5, max: 30.7, noNaN: true }), longitude: fc.double({ min: 114.2, max: 114.4, noNaN: true }), accuracy: small, speed: small, heading: small, altitude: small }),
    is_moving: fc.boolean(),
    battery: fc.record({ level: fc.double({ min: 0, max: 1, noNaN: true }), is_charging: fc.boolean() }),
  }),
});

/** An OwnTracks `location` message in HTTP mode (tst in unix seconds, vel in km/h). */
export const VALID_OWNTRACKS = fc.record({
  _type: fc.constant('location'),
  lat: fc.double({ min: 30.5, max: 30.7, noNaN: true }),
  lon: fc.double({ min: 114.2, max: 114.4, noNaN: true }),
  tst: fc.integer({ min: T0 / 1000, max: T0 / 1000 + 86_400 }),
  acc: small,
  batt: fc.integer({ min: 0, max: 100 }),
  vel: small,
  cog: fc.integer({ min: 0, max: 360 }),
  tid: fc.constant('ph'),
  topic: fc.constant(`owntracks/${OWNTRACKS.user}/${OWNTRACKS.device}`),
});
