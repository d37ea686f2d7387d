import pino, { type Logger } from 'pino';

/** JSON logs on stdout. Credentials never reach them: the usual carriers are redacted. */
export function createLogger(level: pino.LevelWithSilent = 'info'): Logger {
  return pino({
    level,
    base: { service: 'gridcommand' },
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.code'],
  });
}
