/** A rectangle of one worksheet, 1-based. */
export interface SheetRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;

function columnNumber(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0);
}

/** Parses a defined name's range (`'Report'!$B$2:$C$3`, `Data!A1`); undefined when it is not one rectangle. */
export function parseSheetRange(text: string): SheetRange | undefined {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return undefined;
  const sheet = text
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  const [from, to = from] = text.slice(bang + 1).split(':');
  const a = CELL.exec(from ?? '');
  const b = CELL.exec(to ?? '');
  if (a === null || b === null) return undefined;
  const left = columnNumber(a[1]!);
  const right = columnNumber(b[1]!);
  const top = Number(a[2]);
  const bottom = Number(b[2]);
  return {
    sheet,
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}
