import { expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Attribution } from './Attribution.js';

test('renders every credit as text, at a readable size, in the chosen corner', () => {
  const html = renderToStaticMarkup(<Attribution items={['© OpenStreetMap contributors', 'Natural Earth', '<b>x</b>']} corner="bottom-left" />);
  expect(html).toContain('© OpenStreetMap contributors · Natural Earth · &lt;b&gt;x&lt;/b&gt;');
  expect(html).toMatch(/font:13px/);
  expect(html).toMatch(/left:0/);
});

test('renders nothing when there is nothing to credit', () => {
  expect(renderToStaticMarkup(<Attribution items={[]} />)).toBe('');
});
