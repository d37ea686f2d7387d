import express, { type ErrorRequestHandler, type Response, type Router } from 'express';
import { reject } from '../commands/validate.js';
import { INGEST_BODY_LIMIT } from './osmand.js';
import { basicAuth, httpDeviceId, parseOwnTracks } from './owntracksParse.js';
import { logRefusedDevice, statusOf, submitFix, type IngestDeps } from './submit.js';

const REALM = 'Basic realm="GridCommand"';

function unauthorized(res: Response, message: string): void {
  res.status(401).set('WWW-Authenticate', REALM).json(reject('forbidden', message));
}

/**
 * OwnTracks in HTTP mode: POST one JSON message with Basic auth. The password must match the secret
 * the device was registered with; a device without a secret (an MQTT device) cannot use HTTP.
 * Answers `[]` (OwnTracks expects an array of messages back) once the fix is durable.
 */
export function createOwnTracksRouter(deps: IngestDeps): Router {
  const now = deps.now ?? Date.now;
  const router = express.Router();
  router.use(express.text({ type: () => true, limit: INGEST_BODY_LIMIT }));

  router.post('/', async (req, res, next) => {
    try {
      const auth = basicAuth(req.headers.authorization);
      if (!auth) return unauthorized(res, 'HTTP Basic authentication is required');
      let message: unknown;
      try {
        message = JSON.parse(typeof req.body === 'string' ? req.body : '');
      } catch {
        return void res.status(400).json(reject('invalid', 'request body is not valid JSON'));
      }
      const topic = (message as { topic?: unknown } | null)?.topic;
      const deviceId = httpDeviceId({ user: req.get('x-limit-u'), device: req.get('x-limit-d') }, auth.user, typeof topic === 'string' ? topic : null);
      if (!deviceId) return void res.status(400).json(reject('invalid', 'which device? send X-Limit-D or a topic owntracks/<user>/<device>'));
      const teamId = authenticate(deps, deviceId, auth.password, req.ip);
      if (!teamId) return unauthorized(res, 'unknown device or wrong password');
      const parsed = parseOwnTracks(message, deviceId, now());
      if (!parsed.ok) return void res.status(400).json(reject('invalid', parsed.reason));
      if (parsed.value.kind === 'ignored') return void res.json([]);
      const ack = await submitFix(deps, parsed.value.fix, teamId, 'owntracks');
      if (ack.ok) return void res.json([]);
      res.status(statusOf(ack)).json(ack);
    } catch (err) {
      next(err);
    }
  });
  // Only POST exists: answer other methods in the JSON shape, not with Express's HTML 404 page.
  router.all('/', (_req, res) => void res.status(405).set('Allow', 'POST').json(reject('invalid', 'OwnTracks HTTP mode: POST one JSON message')));
  router.use(bodyErrors(deps));
  return router;
}

/** The device's team when the password is its secret. A device registered without one is refused here. */
function authenticate(deps: IngestDeps, deviceId: string, password: string, ip: string | undefined): string | null {
  // deviceTeam accepts any password for a device without a secret: ask without one first to spot those.
  if (deps.registry.deviceTeam(deviceId, 'owntracks') !== null) {
    logRefusedDevice(deps.log, deviceId, 'owntracks-http', ip, 'device has no secret (MQTT only); register it with --secret for HTTP');
    return null;
  }
  const teamId = deps.registry.deviceTeam(deviceId, 'owntracks', password);
  if (!teamId) logRefusedDevice(deps.log, deviceId, 'owntracks-http', ip, 'unknown device or wrong password');
  return teamId;
}

function bodyErrors(deps: IngestDeps): ErrorRequestHandler {
  return (err: { status?: number; type?: string }, _req, res, _next) => {
    if (err.type === 'entity.too.large') return void res.status(413).json(reject('invalid', `request body too large (max ${INGEST_BODY_LIMIT})`));
    if (err.status && err.status >= 400 && err.status < 500) return void res.status(err.status).json(reject('invalid', 'unreadable request body'));
    deps.log.error({ err }, 'OwnTracks ingest failed');
    res.status(500).json(reject('internal', 'internal error'));
  };
}
