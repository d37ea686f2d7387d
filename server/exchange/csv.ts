/** Byte order mark: without it Excel reads a UTF-8 CSV as the local ANSI code page and garbles 武汉. */
export const BOM = '\uFEFF';

/** Cell values a spreadsheet would run as a formula (CSV injection); such text gets a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A whole table with its BOM and header. */
export function csvTable(header: string[], rows: unknown[][]): string {
  return BOM + csvRow(header) + rows.map(csvRow).join('');
}

/** Parses RFC 4180 text (BOM optional) into records; for tests and small files. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted && ch === '"' && src[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted || (ch !== ',' && ch !== '\n' && ch !== '\r')) field += ch;
    else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      records.push(record);
      record = [];
    }
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}
