import { useId, useMemo, useState } from 'react';
import { useConsoleT } from '../i18n/consoleI18n.js';
import { search, type SearchItem } from '../model/search.js';

/** Props of `SearchBox`. */
export interface SearchBoxProps {
  items: readonly SearchItem[];
  onChoose: (item: SearchItem) => void;
}

/**
 * Search by name or code: a combobox with a listbox of results (↑/↓ to move, Enter to choose,
 * Esc to clear). Choosing zooms the map to the result and opens its details.
 */
export function SearchBox({ items, onChoose }: SearchBoxProps) {
  const { t } = useConsoleT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => search(items, query), [items, query]);
  const open = query.trim().length > 0;
  const choose = (item: SearchItem | undefined) => {
    if (!item) return;
    onChoose(item);
    setQuery('');
  };
  return (
    <div className="search">
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && results[active] ? `${id}-${active}` : undefined}
        aria-autocomplete="list"
        placeholder={t('search.placeholder')}
        title={t('search.label')}
        value={query}
        data-testid="search"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') choose(results[active]);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      {open && (
        <ul id={`${id}-list`} role="listbox" className="search-results" data-testid="search-results">
          {results.length === 0 && <li className="search-none">{t('search.none')}</li>}
          {results.map((item, i) => (
            <li
              key={`${item.kind}:${item.id}`}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'search-result search-result--active' : 'search-result'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(item)}
            >
              <span className="search-kind">{t(`search.kinds.${item.kind}`)}</span>
              <span className="search-name">{item.name}</span>
              <span className="search-context">{item.context || item.id}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
