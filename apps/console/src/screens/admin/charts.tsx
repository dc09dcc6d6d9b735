import { useEffect, useState } from 'preact/hooks';

/**
 * Bar and line charts drawn as SVG by hand: a chart library would outweigh the whole console, and
 * these need only rectangles, lines and text. Every bar and point carries its figure in data-value
 * (the API's number, unrounded), so what is drawn can be checked against what the API answered.
 */
export interface Pair {
  key: string;
  label: string;
  value: number;
  /** The figure it is compared with (the same period a year earlier, or the other direction). */
  other: number;
}

/** The drawing's width in its own units: the window's, within bounds, so text stays legible on a phone. */
function useChartWidth(): number {
  const measure = () => Math.max(300, Math.min(720, document.documentElement.clientWidth - 64));
  const [width, setWidth] = useState(measure);
  useEffect(() => {
    const onResize = () => setWidth(measure());
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);
  return width;
}

/** A label cut to fit its column, the whole of it in a tooltip. */
function cut(label: string, chars: number): string {
  return label.length > chars ? `${label.slice(0, chars - 1)}…` : label;
}

function Legend({ names, y }: { names: [string, string]; y: number }) {
  return (
    <g class="chart-legend" transform={`translate(0 ${y})`}>
      <rect x={0} y={0} width={12} height={10} class="chart-cur" />
      <text x={16} y={9}>
        {names[0]}
      </text>
      <rect x={130} y={2} width={12} height={6} class="chart-prev" />
      <text x={146} y={9}>
        {names[1]}
      </text>
    </g>
  );
}

/** Horizontal bars, one row per group: the figure (thick) over the one it is compared with (thin). */
export function BarChart({ rows, format, legend, testId, title }: { rows: Pair[]; format: (n: number) => string; legend: [string, string]; testId: string; title: string }) {
  const width = useChartWidth();
  const labelWidth = width < 480 ? 96 : 190;
  const valueWidth = width < 480 ? 64 : 90;
  const plot = width - labelWidth - valueWidth - 8;
  const max = Math.max(1, ...rows.flatMap((r) => [r.value, r.other]));
  const scale = (n: number) => Math.max(0, (n / max) * plot);
  const rowHeight = 36;
  const height = rows.length * rowHeight + 24;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} data-testid={testId}>
      <title>{title}</title>
      {rows.map((r, i) => (
        <g key={r.key} class="chart-row" transform={`translate(0 ${i * rowHeight})`} data-key={r.key} data-label={r.label} data-value={r.value} data-other={r.other}>
          <text x={labelWidth - 6} y={15} text-anchor="end" class="chart-label">
            {cut(r.label, width < 480 ? 7 : 13)}
            <title>{r.label}</title>
          </text>
          <rect x={labelWidth} y={4} width={scale(r.value)} height={14} class="chart-cur" />
          <rect x={labelWidth} y={21} width={scale(r.other)} height={8} class="chart-prev" />
          <text x={labelWidth + scale(r.value) + 4} y={16} class="chart-value">
            {format(r.value)}
          </text>
          <text x={labelWidth + scale(r.other) + 4} y={30} class="chart-value chart-value-other">
            {format(r.other)}
          </text>
        </g>
      ))}
      <Legend names={legend} y={rows.length * rowHeight + 8} />
    </svg>
  );
}

/** Two lines over the months: this period and the one it is compared with; a dot per month. */
export function LineChart({ rows, format, legend, testId, title }: { rows: Pair[]; format: (n: number) => string; legend: [string, string]; testId: string; title: string }) {
  const width = useChartWidth();
  const left = 56;
  const right = 16;
  const top = 12;
  const plotHeight = 180;
  const max = Math.max(1, ...rows.flatMap((r) => [r.value, r.other]));
  const step = rows.length > 1 ? (width - left - right) / (rows.length - 1) : 0;
  const x = (i: number) => left + i * step;
  const y = (n: number) => top + plotHeight - (n / max) * plotHeight;
  const path = (pick: (r: Pair) => number) => rows.map((r, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(pick(r)).toFixed(1)}`).join(' ');
  const every = Math.ceil(rows.length / Math.max(1, Math.floor((width - left) / 52)));
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${top + plotHeight + 46}`} width="100%" role="img" aria-label={title} data-testid={testId}>
      <title>{title}</title>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={left} x2={width - right} y1={y(max * f)} y2={y(max * f)} class="chart-grid" />
          <text x={left - 4} y={y(max * f) + 4} text-anchor="end" class="chart-axis">
            {format(max * f)}
          </text>
        </g>
      ))}
      <path d={path((r) => r.other)} class="chart-line-prev" />
      <path d={path((r) => r.value)} class="chart-line-cur" />
      {rows.map((r, i) => (
        <g key={r.key} class="chart-point" data-key={r.key} data-label={r.label} data-value={r.value} data-other={r.other}>
          <circle cx={x(i)} cy={y(r.value)} r={3.5} class="chart-dot">
            <title>
              {r.label}: {format(r.value)} / {format(r.other)}
            </title>
          </circle>
          {i % every === 0 ? (
            <text x={x(i)} y={top + plotHeight + 16} text-anchor={i === 0 ? 'start' : i === rows.length - 1 ? 'end' : 'middle'} class="chart-axis">
              {r.label}
            </text>
          ) : null}
        </g>
      ))}
      <Legend names={legend} y={top + plotHeight + 28} />
    </svg>
  );
}
