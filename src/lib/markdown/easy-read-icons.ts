// Simple line icons for easy-read pages: one picture beside each point, drawn here rather than
// taken from stock, so they stay plain, consistent and light. Each is the inside of a 48×48 SVG.
export const easyReadIcons: Record<string, string> = {
  people:
    '<circle cx="16" cy="14" r="6"/><circle cx="32" cy="14" r="6"/><path d="M4 40c0-8 5-14 12-14s12 6 12 14M20 40c0-8 5-14 12-14s12 6 12 14"/>',
  talk: '<path d="M6 10h28v18H18l-8 7v-7H6z"/><path d="M38 18h4v16h-4v6l-7-6H22"/>',
  listen: '<path d="M14 30c-4-3-6-8-6-12a14 14 0 0 1 28 0c0 6-4 8-6 10s-2 6-2 8a6 6 0 0 1-10 2"/><path d="M16 18a6 6 0 0 1 12 0"/>',
  idea: '<path d="M24 6a12 12 0 0 0-7 22v6h14v-6a12 12 0 0 0-7-22z"/><path d="M18 38h12M20 42h8"/>',
  question:
    '<circle cx="24" cy="24" r="18"/><path d="M18 19a6 6 0 1 1 8 6c-2 1-2 2-2 5"/><circle cx="24" cy="35" r="1.5" fill="currentColor"/>',
  calendar: '<rect x="6" y="10" width="36" height="32" rx="2"/><path d="M6 18h36M15 6v8M33 6v8M14 26h6M28 26h6M14 34h6"/>',
  map: '<path d="M24 44s-13-13-13-23a13 13 0 0 1 26 0c0 10-13 23-13 23z"/><circle cx="24" cy="21" r="5"/>',
  money: '<rect x="4" y="12" width="40" height="24" rx="2"/><circle cx="24" cy="24" r="6"/><path d="M10 18v12M38 18v12"/>',
  heart: '<path d="M24 41S6 30 6 17a9 9 0 0 1 18-3 9 9 0 0 1 18 3c0 13-18 24-18 24z"/>',
  tick: '<circle cx="24" cy="24" r="18"/><path d="M15 24l6 6 12-13"/>',
  cross: '<circle cx="24" cy="24" r="18"/><path d="M17 17l14 14M31 17L17 31"/>',
  book: '<path d="M24 12c-5-4-12-4-18-2v28c6-2 13-2 18 2 5-4 12-4 18-2V10c-6-2-13-2-18 2zM24 12v28"/>',
  phone: '<rect x="14" y="4" width="20" height="40" rx="3"/><path d="M21 38h6"/>',
  email: '<rect x="5" y="11" width="38" height="26" rx="2"/><path d="M5 13l19 14 19-14"/>',
  house: '<path d="M6 22L24 7l18 15M11 18v24h26V18"/><path d="M20 42V30h8v12"/>',
  bus: '<rect x="8" y="6" width="32" height="30" rx="4"/><path d="M8 22h32M8 14h32M14 36v6M34 36v6"/><circle cx="15" cy="29" r="2"/><circle cx="33" cy="29" r="2"/>',
  hand: '<path d="M16 26V12a3 3 0 0 1 6 0v10M22 22V8a3 3 0 0 1 6 0v14M28 22V10a3 3 0 0 1 6 0v16c0 10-6 16-13 16-5 0-8-3-11-8l-5-8a3 3 0 0 1 5-3l4 5"/>',
  star: '<path d="M24 5l5.6 12.4 13.4 1.4-10 9 2.9 13.2L24 34.4 12.1 41l2.9-13.2-10-9 13.4-1.4z"/>',
  ear: '<path d="M14 18a10 10 0 0 1 20 0c0 7-6 9-6 15a6 6 0 0 1-11 3"/><path d="M20 20a4 4 0 0 1 8 0c0 3-3 3-3 6"/>',
  eye: '<path d="M3 24s8-13 21-13 21 13 21 13-8 13-21 13S3 24 3 24z"/><circle cx="24" cy="24" r="6"/>',
  wheelchair: '<circle cx="22" cy="7" r="3.5"/><path d="M22 12v14h12l5 12M22 19h10"/><path d="M16 20a11 11 0 1 0 15 15"/>',
  clock: '<circle cx="24" cy="24" r="18"/><path d="M24 12v12l8 6"/>',
  vote: '<rect x="6" y="24" width="36" height="18" rx="2"/><path d="M14 24h20"/><path d="M17 24V6h14v18"/><path d="M20 14l3 3 5-6"/>',
  lock: '<rect x="10" y="22" width="28" height="20" rx="2"/><path d="M16 22v-6a8 8 0 0 1 16 0v6"/><circle cx="24" cy="32" r="2"/>',
  info: '<circle cx="24" cy="24" r="18"/><path d="M24 21v13"/><circle cx="24" cy="15" r="1.5" fill="currentColor"/>',
};

export function iconSvg(name: string): string | undefined {
  const body = easyReadIcons[name];
  if (!body) return undefined;
  return `<svg class="wt-easy-read__icon" viewBox="0 0 48 48" width="64" height="64" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
}
