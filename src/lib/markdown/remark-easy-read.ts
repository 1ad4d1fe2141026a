// Easy-read pages write each point as a list item starting with an icon name in brackets:
//   - [people] Co-production means working together.
// This turns the name into a picture on the left of the point. An unknown name fails the build,
// naming the file, so a typo never shows up as "[peple]" on the page.
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { easyReadIcons, iconSvg } from './easy-read-icons.ts';

const ICON = /^\[([a-z-]+)\]\s+/;

function markItem(item: ListItem, path: string) {
  const first = item.children[0] as Paragraph | undefined;
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (text?.type !== 'text') return;
  const match = ICON.exec(text.value);
  if (!match) return;
  const svg = iconSvg(match[1]!);
  if (!svg) {
    throw new Error(`${path}: the easy-read icon "[${match[1]}]" does not exist. Use one of: ${Object.keys(easyReadIcons).join(', ')}.`);
  }
  text.value = text.value.slice(match[0].length);
  item.children.unshift({ type: 'html', value: svg });
  // Keep the words in one <p>, so a link inside a point stays in the sentence instead of
  // becoming a separate item beside the picture.
  item.spread = true;
  item.data = { ...item.data, hProperties: { className: ['wt-easy-read__point'] } };
}

function walk(nodes: RootContent[], path: string) {
  for (const node of nodes) {
    if (node.type === 'list') {
      (node as List).data = { hProperties: { className: ['wt-easy-read'] } };
      for (const item of (node as List).children) markItem(item, path);
    }
    if ('children' in node && node.type !== 'list') walk(node.children as RootContent[], path);
  }
}

export default function remarkEasyRead() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    if (!/[\\/]easy-read[\\/]/.test(path)) return;
    walk(tree.children, path);
  };
}
