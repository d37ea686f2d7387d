import { z } from 'zod';

// zod 4 probes `new Function('')` when it first builds an object schema, to compile fast parsers. In
// a browser our Content-Security-Policy forbids eval: the probe fails as intended but is reported as
// a `securitypolicyviolation`. Every shared schema module imports z from here, so jitless is set
// before any schema exists, whatever order a bundler evaluates chunks in. Node keeps the fast parsers.
if (typeof document !== 'undefined') z.config({ jitless: true });

export { z };
