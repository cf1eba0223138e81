import { PNG } from 'pngjs';

/** 3×5 pixel digits, enough to print each bar's value beside it without a font file. */
const DIGITS: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
};

type Rgb = [number, number, number];
const BAR: Rgb = [31, 78, 121];
const TEXT: Rgb = [51, 51, 51];
const AXIS: Rgb = [170, 170, 170];

export interface BarChartPng {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * A horizontal bar chart as PNG: one bar per value, top to bottom in the
 * given order, each with its value printed at its end. Labels are not
 * drawn (no fonts); the caption and the table beside the chart name them.
 */
export function renderBarChartPng(values: number[]): BarChartPng {
  const width = 640;
  const barHeight = 28;
  const gap = 14;
  const height = gap + values.length * (barHeight + gap);
  const png = new PNG({ width, height });
  png.data.fill(255);
  const set = (x: number, y: number, [r, g, b]: Rgb) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const i = (y * width + x) * 4;
    png.data[i] = r;
    png.data[i + 1] = g;
    png.data[i + 2] = b;
    png.data[i + 3] = 255;
  };
  const rect = (x: number, y: number, w: number, h: number, c: Rgb) => {
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) set(xx, yy, c);
  };
  const scale = 3;
  const text = (s: string, x: number, y: number) => {
    let cx = x;
    for (const ch of s) {
      const glyph = DIGITS[ch];
      if (glyph) glyph.forEach((row, gy) => [...row].forEach((on, gx) => on === '1' && rect(cx + gx * scale, y + gy * scale, scale, scale, TEXT)));
      cx += 4 * scale;
    }
  };
  const left = 8;
  const max = Math.max(1, ...values);
  const room = width - left - 80;
  rect(left - 2, 0, 2, height, AXIS);
  values.forEach((v, i) => {
    const y = gap + i * (barHeight + gap);
    const w = Math.round((Math.max(0, v) / max) * room);
    rect(left, y, w, barHeight, BAR);
    text(String(Math.round(v)), left + w + 8, y + (barHeight - 5 * scale) / 2);
  });
  return { png: PNG.sync.write(png), width, height };
}
