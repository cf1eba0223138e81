import type { Display } from './questions';

/** Metabase dashboards are 24 grid columns wide (since v0.46). */
export const GRID_WIDTH = 24;

export interface Placement {
  row: number;
  col: number;
  size_x: number;
  size_y: number;
}

const SIZES: Record<Display, [number, number]> = {
  scalar: [6, 3],
  line: [12, 6],
  bar: [12, 6],
  area: [12, 6],
  row: [12, 6],
  pie: [8, 6],
  table: [24, 7],
};

/**
 * Places cards left to right in file order, starting a new shelf when the next
 * one does not fit; a shelf is as tall as its tallest card. Deterministic, so a
 * re-run computes the same layout and changes nothing.
 */
export function layoutDashboard(displays: Display[]): Placement[] {
  const placements: Placement[] = [];
  let row = 0;
  let col = 0;
  let shelfHeight = 0;
  for (const display of displays) {
    const [w, h] = SIZES[display];
    if (col + w > GRID_WIDTH) {
      row += shelfHeight;
      col = 0;
      shelfHeight = 0;
    }
    placements.push({ row, col, size_x: w, size_y: h });
    col += w;
    shelfHeight = Math.max(shelfHeight, h);
  }
  return placements;
}
