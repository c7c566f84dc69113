// The date histogram as an SVG bar chart. Dragging across it (a brush) or clicking a bar picks a date range.
import { formatBound, formatDay, nextBucketStart } from './time.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 96;
const AXIS = 18;

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  return node;
}

/**
 * Draws `histogram` ({interval, buckets: [{start, count}]}) into `container` and calls onRange(fromMs, toMs) when a
 * range is brushed (toMs is the last millisecond of the last bucket brushed).
 */
export function drawTimeline(container, histogram, onRange) {
  container.replaceChildren();
  const buckets = (histogram && histogram.buckets) || [];
  if (!buckets.length) {
    container.append(Object.assign(document.createElement('p'), { className: 'timeline-empty', textContent: 'No dates to chart' }));
    return;
  }
  const width = Math.max(container.clientWidth || 600, 240);
  const starts = buckets.map((b) => Date.parse(b.start));
  const ends = starts.map((start, i) => (i + 1 < starts.length ? starts[i + 1] : nextBucketStart(start, histogram.interval)));
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const slot = width / buckets.length;
  const plot = HEIGHT - AXIS;

  const chart = svg('svg', { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, class: 'timeline-svg',
    role: 'img', 'aria-label': 'Articles over time; drag to choose dates' });
  const bars = svg('g', { class: 'bars' });
  buckets.forEach((bucket, i) => {
    const h = bucket.count ? Math.max(2, (bucket.count / max) * (plot - 6)) : 0;
    const bar = svg('rect', { x: i * slot + Math.min(2, slot * 0.15), y: plot - h, width: Math.max(1, slot - Math.min(4, slot * 0.3)),
      height: h, rx: Math.min(2, slot / 4), class: 'bar', 'data-start': bucket.start, 'data-count': bucket.count });
    const tip = svg('title');
    tip.textContent = `${formatBound(starts[i])}: ${bucket.count} article${bucket.count === 1 ? '' : 's'}`;
    bar.append(tip);
    bars.append(bar);
  });
  chart.append(svg('line', { x1: 0, x2: width, y1: plot + 0.5, y2: plot + 0.5, class: 'axis' }), bars);

  const labels = svg('g', { class: 'labels' });
  const picks = buckets.length === 1 ? [0] : [0, Math.floor((buckets.length - 1) / 2), buckets.length - 1];
  for (const i of new Set(picks)) {
    const anchor = i === 0 ? 'start' : i === buckets.length - 1 ? 'end' : 'middle';
    const x = anchor === 'start' ? 2 : anchor === 'end' ? width - 2 : i * slot + slot / 2;
    const label = svg('text', { x, y: HEIGHT - 4, 'text-anchor': anchor, class: 'label' });
    label.textContent = short(histogram.interval) ? formatBound(starts[i]) : formatDay(starts[i]);
    labels.append(label);
  }
  chart.append(labels);

  const brush = svg('rect', { x: 0, y: 0, width: 0, height: plot, class: 'brush', visibility: 'hidden' });
  chart.append(brush);

  let anchorX = null;
  const xOf = (event) => {
    const box = chart.getBoundingClientRect();
    return Math.min(width - 0.01, Math.max(0, ((event.clientX - box.left) / box.width) * width));
  };
  const show = (a, b) => {
    const i0 = Math.floor(Math.min(a, b) / slot);
    const i1 = Math.floor(Math.max(a, b) / slot);
    brush.setAttribute('x', i0 * slot);
    brush.setAttribute('width', (i1 - i0 + 1) * slot);
    brush.setAttribute('visibility', 'visible');
    return [i0, i1];
  };
  chart.addEventListener('pointerdown', (event) => {
    anchorX = xOf(event);
    chart.setPointerCapture(event.pointerId);
    show(anchorX, anchorX);
  });
  chart.addEventListener('pointermove', (event) => {
    if (anchorX !== null) show(anchorX, xOf(event));
  });
  chart.addEventListener('pointerup', (event) => {
    if (anchorX === null) return;
    const [i0, i1] = show(anchorX, xOf(event));
    anchorX = null;
    onRange(starts[i0], ends[i1] - 1);
  });
  chart.addEventListener('pointercancel', () => {
    anchorX = null;
    brush.setAttribute('visibility', 'hidden');
  });
  container.append(chart);
}

/** Whether buckets are shorter than a day (then labels show the time too). */
function short(interval) {
  return /^(hour|minute|second|\d+[smh])$/.test(String(interval || ''));
}
