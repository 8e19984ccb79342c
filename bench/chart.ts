/**
 * A small SVG line chart of requests in flight over time, one panel per series, written by hand
 * (no dependency): what the sandbox sampled while Auto ran.
 */
export interface Series {
	title: string;
	/** [ms, value] points. */
	points: Array<[number, number]>;
	/** Dashed horizontal lines, e.g. what the server serves at once. */
	levels?: Array<{ value: number; label: string; from?: number; to?: number }>;
	/** Vertical markers, e.g. when the capacity dropped. */
	marks?: Array<{ at: number; label: string }>;
}

const WIDTH = 760;
const PANEL = 220;
const PAD = { left: 48, right: 16, top: 28, bottom: 34 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (x: number) => (Math.round(x * 10) / 10).toString();

function niceStep(span: number, ticks: number): number {
	const raw = span / ticks;
	const power = 10 ** Math.floor(Math.log10(raw));
	return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

function panel(series: Series, top: number): string {
	const w = WIDTH - PAD.left - PAD.right;
	const h = PANEL - PAD.top - PAD.bottom;
	const maxT = Math.max(1, ...series.points.map(([t]) => t));
	const maxY =
		Math.max(4, ...series.points.map(([, y]) => y), ...(series.levels ?? []).map((l) => l.value)) *
		1.1;
	const x = (t: number) => PAD.left + (t / maxT) * w;
	const y = (v: number) => top + PAD.top + h - (v / maxY) * h;
	const out: string[] = [];
	out.push(
		`<text x="${PAD.left}" y="${top + 18}" font-size="14" font-weight="bold">${esc(series.title)}</text>`,
	);
	const yStep = niceStep(maxY, 4);
	for (let v = 0; v <= maxY; v += yStep) {
		out.push(
			`<line x1="${PAD.left}" x2="${PAD.left + w}" y1="${num(y(v))}" y2="${num(y(v))}" stroke="#e5e5e5"/>`,
		);
		out.push(
			`<text x="${PAD.left - 6}" y="${num(y(v) + 4)}" font-size="11" text-anchor="end">${v}</text>`,
		);
	}
	const tStep = niceStep(maxT / 1000, 8);
	for (let s = 0; s <= maxT / 1000; s += tStep) {
		out.push(
			`<text x="${num(x(s * 1000))}" y="${top + PANEL - PAD.bottom + 16}" font-size="11" text-anchor="middle">${num(s)} s</text>`,
		);
	}
	out.push(
		`<line x1="${PAD.left}" x2="${PAD.left}" y1="${top + PAD.top}" y2="${top + PAD.top + h}" stroke="#888"/>`,
	);
	out.push(
		`<line x1="${PAD.left}" x2="${PAD.left + w}" y1="${top + PAD.top + h}" y2="${top + PAD.top + h}" stroke="#888"/>`,
	);
	for (const level of series.levels ?? []) {
		const x1 = x(level.from ?? 0);
		const x2 = x(level.to ?? maxT);
		out.push(
			`<line x1="${num(x1)}" x2="${num(x2)}" y1="${num(y(level.value))}" y2="${num(y(level.value))}" stroke="#d9480f" stroke-dasharray="5 4"/>`,
		);
		out.push(
			`<text x="${num(x2 - 4)}" y="${num(y(level.value) - 5)}" font-size="11" fill="#d9480f" text-anchor="end">${esc(level.label)}</text>`,
		);
	}
	for (const mark of series.marks ?? []) {
		out.push(
			`<line x1="${num(x(mark.at))}" x2="${num(x(mark.at))}" y1="${top + PAD.top}" y2="${top + PAD.top + h}" stroke="#555" stroke-dasharray="2 3"/>`,
		);
		out.push(
			`<text x="${num(x(mark.at) + 4)}" y="${top + PAD.top + 12}" font-size="11" fill="#555">${esc(mark.label)}</text>`,
		);
	}
	const path = series.points
		.map(([t, v], i) => `${i ? 'L' : 'M'}${num(x(t))},${num(y(v))}`)
		.join('');
	out.push(`<path d="${path}" fill="none" stroke="#1c7ed6" stroke-width="1.5"/>`);
	out.push(
		`<text x="14" y="${num(top + PAD.top + h / 2)}" font-size="11" transform="rotate(-90 14 ${num(top + PAD.top + h / 2)})" text-anchor="middle">in flight</text>`,
	);
	return out.join('\n');
}

export function inFlightChart(all: Series[]): string {
	const height = PANEL * all.length;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
		`<rect width="${WIDTH}" height="${height}" fill="white"/>`,
		...all.map((s, i) => panel(s, i * PANEL)),
		'</svg>',
		'',
	].join('\n');
}
