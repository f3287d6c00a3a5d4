import type { Page } from 'playwright-core';

/**
 * What WCAG 2.1 AA asks that can be read off the rendered page, checked in the browser (no
 * package of rules is shipped for it): text contrast (1.4.3: 4.5:1, or 3:1 for large text),
 * contrast of the state-coloured borders of elements with `data-state` (1.4.11: 3:1 against their
 * background), and a name for every link, button and form control (4.1.2). Colours are the
 * computed ones; a background is the first opaque one up the tree (white at the root). Returns
 * one line per problem under `selector`, empty when none.
 */
export function accessibilityProblems(page: Page, selector: string): Promise<string[]> {
  // A script string: it runs in the page, whose DOM globals Node's types lack.
  return page.evaluate(`(() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    if (!root) return ['nothing matches ' + ${JSON.stringify(selector)}];
    const parse = (c) => {
      const m = /rgba?\\(([^)]+)\\)/.exec(c || '');
      if (!m) return undefined;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }) => {
      const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (x, y) => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    const background = (el) => {
      for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a >= 1) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    const label = (el) => (el.getAttribute('data-testid') || el.tagName.toLowerCase()) + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
    const problems = [];
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (!visible(el)) continue;
      const style = getComputedStyle(el);
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
      if (ownText) {
        const svg = el instanceof SVGElement;
        const fg = parse(svg ? style.fill : style.color);
        const bg = background(svg ? root : el);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const need = large ? 3 : 4.5;
        if (fg && ratio(fg, bg) < need) problems.push(label(el) + ': text contrast ' + ratio(fg, bg).toFixed(2) + ' < ' + need);
      }
      if (el.hasAttribute('data-state') && parseFloat(style.borderTopWidth) > 0) {
        const border = parse(style.borderTopColor);
        const bg = background(el.parentElement || el);
        if (border && ratio(border, bg) < 3) problems.push(label(el) + ': border contrast ' + ratio(border, bg).toFixed(2) + ' < 3');
      }
      const named = el.matches('a[href], button, input, select, textarea');
      if (named && !el.hidden) {
        const byLabel = el.id && document.querySelector('label[for="' + el.id + '"]');
        const name = (el.getAttribute('aria-label') || el.textContent || (byLabel && byLabel.textContent) || '').trim();
        if (name === '') problems.push(label(el) + ': no accessible name');
      }
    }
    return problems;
  })()`);
}
