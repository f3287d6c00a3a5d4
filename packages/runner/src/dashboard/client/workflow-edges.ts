const SVG = 'http://www.w3.org/2000/svg';

/** One edge to draw: from the step run first to the step that runs after it. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  /** How the first has to end: `success`, `failure` or `end` (drawn solid, dashed, dotted). */
  readonly on: string;
  /** The text written on the edge, in the page's language. */
  readonly label: string;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

/**
 * Draws the edges between the step boxes of `box` (elements with `data-step`) into `canvas`, an
 * SVG laid over it: a curve from the right side of a step to the left side of the one after it,
 * its condition written on it and shown by its line style too, so colour is never the only cue.
 * The canvas is hidden from screen readers: each step's box says in words what it runs after.
 * Called again whenever the boxes may have moved (new states, a resized window).
 */
export function drawEdges(box: HTMLElement, canvas: SVGSVGElement, edges: readonly Edge[]): void {
  const origin = box.getBoundingClientRect();
  canvas.setAttribute('width', String(box.scrollWidth));
  canvas.setAttribute('height', String(box.scrollHeight));
  while (canvas.firstChild) canvas.removeChild(canvas.firstChild);
  const boxes = new Map<string, DOMRect>();
  for (const node of box.querySelectorAll<HTMLElement>('[data-step]')) {
    boxes.set(node.dataset.step ?? '', node.getBoundingClientRect());
  }
  const x = (value: number) => value - origin.left + box.scrollLeft;
  const y = (value: number) => value - origin.top + box.scrollTop;
  for (const edge of edges) {
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    if (!from || !to) continue;
    const x1 = x(from.right);
    const y1 = y(from.top + from.height / 2);
    const x2 = x(to.left);
    const y2 = y(to.top + to.height / 2);
    const bend = Math.max(24, (x2 - x1) / 2);
    canvas.append(
      svg('path', {
        d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`,
        class: `wf-edge wf-edge-${edge.on}`,
        'marker-end': 'url(#wf-arrow)',
      }),
    );
    const label = svg('text', { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 4, class: 'wf-edge-label' });
    label.textContent = edge.label;
    canvas.append(label);
  }
  const defs = svg('defs', {});
  const marker = svg('marker', {
    id: 'wf-arrow',
    viewBox: '0 0 10 10',
    refX: 10,
    refY: 5,
    markerWidth: 8,
    markerHeight: 8,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'wf-arrow' }));
  defs.append(marker);
  canvas.prepend(defs);
}

/** The SVG element the edges are drawn into, hidden from assistive technology. */
export function edgeCanvas(): SVGSVGElement {
  return svg('svg', { class: 'wf-edges', 'aria-hidden': 'true', focusable: 'false' });
}
