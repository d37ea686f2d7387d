/** Transport icons as inline SVG: the ⏮/⏸ glyphs are missing from many CJK system fonts. */
const PATHS = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M4 2.5h3v11H4zM9 2.5h3v11H9z',
  back: 'M3 2.5h2v11H3zM14 2.5v11L6 8z',
  forward: 'M11 2.5h2v11h-2zM2 2.5v11L10 8z',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
