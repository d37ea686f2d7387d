import type { Router } from 'express';
import { createOsmAndRouter, startOsmAndServer } from './osmand.js';
import { createOwnTracksRouter } from './owntracks.js';
import { startOwnTracksMqtt } from './mqtt.js';
import type { IngestDeps } from './submit.js';

export type { IngestDeps } from './submit.js';

export interface IngestConfig {
  /** Serve OsmAnd at `/` on this port too (Traccar's default is 5055); off when unset. */
  osmandPort?: number;
  /** OwnTracks over MQTT from this broker; off when unset. */
  mqttUrl?: string;
  /** @default 'owntracks/+/+' */
  mqttTopic?: string;
  /** Interface for the OsmAnd port. @default '0.0.0.0' */
  host?: string;
}

/** The tracker routes to mount on the main server. */
export function createIngestRouters(deps: IngestDeps): Record<string, Router> {
  return { '/ingest/osmand': createOsmAndRouter(deps), '/ingest/owntracks': createOwnTracksRouter(deps) };
}

/** Starts the optional listeners (own OsmAnd port, MQTT subscription) that the config turns on. */
export async function startIngestListeners(config: IngestConfig, deps: IngestDeps): Promise<{ close(): Promise<void> }> {
  const osmand = config.osmandPort ? await startOsmAndServer({ ...deps, port: config.osmandPort, host: config.host }) : null;
  // Not awaited: the server starts even while the broker is down, and MQTT.js keeps reconnecting.
  const mqtt = config.mqttUrl ? startOwnTracksMqtt({ ...deps, url: config.mqttUrl, topic: config.mqttTopic }) : null;
  return {
    async close() {
      await Promise.all([osmand?.close(), mqtt?.close()]);
    },
  };
}
