import { useEffect } from 'react';

/** Adds (or updates) one `<link>`/`<meta>` in the head and returns a function that restores it. */
function setHead(tag: 'link' | 'meta', key: { rel: string } | { name: string }, value: string): () => void {
  const [attr, name] = 'rel' in key ? ['rel', key.rel] : ['name', key.name];
  const valueAttr = tag === 'link' ? 'href' : 'content';
  let el = document.head.querySelector<HTMLElement>(`${tag}[${attr}="${name}"]`);
  const before = el?.getAttribute(valueAttr) ?? null;
  if (!el) {
    el = document.createElement(tag);
    el.setAttribute(attr, name);
    document.head.append(el);
  }
  el.setAttribute(valueAttr, value);
  const node = el;
  return () => (before === null ? node.remove() : node.setAttribute(valueAttr, before));
}

/**
 * The field page shares index.html with the wall, so its manifest, icons, light colour scheme and
 * title are set here at runtime (no inline script, nothing for the wall to carry).
 */
export function useDocumentHead(title: string): void {
  useEffect(() => {
    const undo = [
      setHead('link', { rel: 'manifest' }, '/field.webmanifest'),
      setHead('link', { rel: 'icon' }, '/icons/field.svg'),
      setHead('link', { rel: 'apple-touch-icon' }, '/icons/field-192.png'),
      setHead('meta', { name: 'theme-color' }, '#0b4f9c'),
      setHead('meta', { name: 'color-scheme' }, 'light'),
    ];
    return () => undo.forEach((f) => f());
  }, []);
  useEffect(() => void (document.title = title), [title]);
}
