// The tree as a picture made of its leaves: a trunk and branches, and one leaf shape for each
// approved leaf, placed on a sunflower spiral inside the crown so the tree fills out evenly as it
// grows. Decorative only (aria-hidden): the list beside it says everything the picture shows.
import { escapeHtml } from '../html.ts';

const GREENS = ['#2f6b3a', '#3f8a4a', '#5a9e3c', '#7a9a2e', '#2e7d6b', '#9a7a1e'];
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** A small stable number from a leaf's id, so each leaf keeps its colour and tilt. */
function hashOf(id: string): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

/** Where leaf i of n sits in the crown (an ellipse centred at 200,150 in a 400×420 view). A young
 * tree's few leaves stay near the middle rather than scattered to the crown's edge. */
export function leafPosition(i: number, n: number): { x: number; y: number } {
  const r = Math.sqrt((i + 0.5) / Math.max(n, 12));
  const a = i * GOLDEN_ANGLE;
  return { x: 200 + Math.cos(a) * r * 165, y: 150 + Math.sin(a) * r * 120 };
}

export function treeSvg(leaves: { id: string }[]): string {
  const shapes = leaves
    .map((leaf, i) => {
      const { x, y } = leafPosition(i, leaves.length);
      const h = hashOf(leaf.id);
      const tilt = (h % 120) - 60;
      return `<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="15" ry="8" fill="${GREENS[h % GREENS.length]}" transform="rotate(${tilt} ${x.toFixed(1)} ${y.toFixed(1)})" data-leaf="${escapeHtml(leaf.id)}"/>`;
    })
    .join('');
  return (
    '<svg class="wt-tree__svg" viewBox="0 0 400 420" aria-hidden="true" focusable="false" role="presentation">' +
    // The crown, drawn with circles so that the ellipses are the leaves and nothing else.
    '<g fill="#e4efdc"><circle cx="200" cy="140" r="105"/><circle cx="110" cy="170" r="75"/><circle cx="290" cy="170" r="75"/>' +
    '<circle cx="150" cy="95" r="70"/><circle cx="250" cy="95" r="70"/></g>' +
    '<path d="M185 420 C190 340 188 300 180 250 L220 250 C212 300 210 340 215 420 Z" fill="#6b4a2b"/>' +
    '<path d="M195 270 C170 230 130 210 90 200 M205 265 C230 225 270 205 315 195 M200 255 C198 210 200 170 200 120" stroke="#6b4a2b" stroke-width="9" fill="none" stroke-linecap="round"/>' +
    `<g>${shapes}</g></svg>`
  );
}
