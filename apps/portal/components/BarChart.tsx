import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';

export interface BarDatum {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart rendered on the server as plain SVG (visx): no
 * JavaScript is sent for it. Screen readers get the title and a summary; the
 * same numbers are always shown in a table next to it.
 */
export function BarChart({ id, title, data, unit = '', tag = 'id-ID' }: { id: string; title: string; data: BarDatum[]; unit?: string; tag?: string }) {
  const rowHeight = 28;
  const labelWidth = 210;
  const width = 640;
  const height = data.length * rowHeight + 10;
  const max = Math.max(1, ...data.map((d) => d.value));
  const y = scaleBand<string>({ domain: data.map((d) => d.label), range: [0, height - 10], padding: 0.2 });
  const x = scaleLinear<number>({ domain: [0, max], range: [0, width - labelWidth - 60] });
  const summary = data.map((d) => `${d.label}: ${d.value.toLocaleString(tag)}${unit}`).join('; ');
  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {data.map((d) => {
        const top = y(d.label) ?? 0;
        const w = x(d.value);
        return (
          <Group key={d.label} top={top}>
            <text x={labelWidth - 8} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end" fontSize={13} fill="#1b1f24">
              {d.label.length > 28 ? `${d.label.slice(0, 27)}…` : d.label}
            </text>
            <Bar x={labelWidth} y={0} width={Math.max(w, d.value > 0 ? 2 : 0)} height={y.bandwidth()} fill="#0b5e3c" />
            <text x={labelWidth + w + 6} y={y.bandwidth() / 2} dy="0.35em" fontSize={13} fill="#1b1f24">
              {d.value.toLocaleString(tag)}
              {unit}
            </text>
          </Group>
        );
      })}
    </svg>
  );
}

export function DataTable({ caption, header, data, unit = '', tag = 'id-ID' }: { caption: string; header: [string, string]; data: BarDatum[]; unit?: string; tag?: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{header[0]}</th>
          <th scope="col">{header[1]}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.label}>
            <th scope="row">{d.label}</th>
            <td>
              {d.value.toLocaleString(tag)}
              {unit}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
