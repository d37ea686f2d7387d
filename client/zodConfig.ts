import { z } from 'zod';

// zod 4 probes `new Function('')` the first time an object schema is built, to compile fast parsers.
// Under our Content-Security-Policy (no 'unsafe-eval') the probe fails as intended but is still
// reported as a `securitypolicyviolation`. jitless skips the probe; parsing is the same, a bit slower.
// Imported first in main.tsx, before any module that builds a schema (shared/auth.ts does).
z.config({ jitless: true });
