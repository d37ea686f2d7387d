type Json = Record<string, unknown>;
type Operation = { summary?: string; description?: string; parameters?: Json[]; responses?: Record<string, { content?: Json }> };

const escape = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function typeOf(schema: Json | undefined): string {
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return schema.enum.join(' | ');
  return String(schema.type ?? (schema.anyOf ? 'one of several' : ''));
}

function operation(path: string, method: string, op: Operation): string {
  const params = (op.parameters ?? []).map(
    (p) => `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td>${escape(typeOf(p.schema as Json))}</td><td>${escape(p.description ?? '')}</td></tr>`,
  );
  const types = Object.keys(op.responses?.['200']?.content ?? {});
  return `<section>
<h2><code>${escape(method.toUpperCase())} /api/v1${escape(path)}</code></h2>
<p>${escape(op.summary ?? '')}</p>${op.description ? `\n<p>${escape(op.description)}</p>` : ''}
${params.length ? `<table><thead><tr><th>parameter</th><th>in</th><th>required</th><th>type</th><th>about</th></tr></thead><tbody>${params.join('')}</tbody></table>` : ''}
<p>Answers: ${types.map((t) => `<code>${escape(t)}</code>`).join(', ')}</p>
</section>`;
}

/**
 * The API reference as plain server-rendered HTML, from the OpenAPI document itself. No script, no
 * inline style and nothing from a CDN, so it stays readable under a strict Content-Security-Policy
 * and on an offline command-centre network.
 */
export function docsPage(doc: Json): string {
  const info = doc.info as { title: string; version: string; description: string };
  const sections = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => operation(path, method, op)),
  );
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(info.title)} v1</title></head>
<body>
<h1>${escape(info.title)} <small>${escape(info.version)}</small></h1>
<p>${escape(info.description)} Machine-readable: <a href="openapi.json">openapi.json</a>. Errors: <code>{"ok":false,"error":{"code","message"}}</code>.</p>
${sections.join('\n')}
</body>
</html>
`;
}
