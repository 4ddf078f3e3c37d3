import { Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';

/**
 * Renders an e-mail's React tree to HTML and to plain text. react-dom/server refuses to load
 * under the react-server condition, which is where route handlers, server actions and the
 * worker run (https://react.dev/reference/react-dom/server), so the templates are rendered
 * here: host elements and function components without hooks, which is all a mail needs.
 * render.test.ts holds the HTML to what renderToStaticMarkup writes.
 */

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);
const ATTRIBUTE_NAMES: Record<string, string> = {
  className: 'class',
  htmlFor: 'for',
  cellPadding: 'cellpadding',
  cellSpacing: 'cellspacing',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

type Props = Record<string, unknown> & { children?: ReactNode };

function styleText(style: Record<string, string>): string {
  return Object.entries(style)
    .map(([property, value]) => `${property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}:${value}`)
    .join(';');
}

function attributes(props: Props): string {
  let out = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'key' || value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') continue;
    const attribute = ATTRIBUTE_NAMES[name] ?? name;
    if (value === true) out += ` ${attribute}=""`;
    else if (name === 'style') out += ` style="${escapeHtml(styleText(value as Record<string, string>))}"`;
    else out += ` ${attribute}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** Function components are called as plain functions: e-mail templates hold no state. */
function expand(element: ReactElement<Props>): ReactNode {
  const component = element.type as (props: Props) => ReactNode;
  return component(element.props);
}

export function renderHtml(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return escapeHtml(String(node));
  if (Array.isArray(node)) return node.map(renderHtml).join('');
  if (!isValidElement<Props>(node)) throw new TypeError('e-mail templates render elements, text and arrays only');
  if (node.type === Fragment) return renderHtml(node.props.children);
  if (typeof node.type === 'function') return renderHtml(expand(node));
  if (typeof node.type !== 'string') throw new TypeError('e-mail templates render host elements and function components only');
  const tag = `<${node.type}${attributes(node.props)}`;
  if (VOID_ELEMENTS.has(node.type)) return `${tag}/>`;
  return `${tag}>${renderHtml(node.props.children)}</${node.type}>`;
}

const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'ul',
  'ol',
  'address',
  'section',
  'header',
  'footer',
  'hr',
]);
const HIDDEN_IN_TEXT = new Set(['head', 'style', 'title', 'img']);

function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (!isValidElement<Props>(node)) return '';
  if (node.type === Fragment) return textOf(node.props.children);
  if (typeof node.type === 'function') return textOf(expand(node));
  if (typeof node.type !== 'string' || HIDDEN_IN_TEXT.has(node.type)) return '';
  const inner = textOf(node.props.children);
  switch (node.type) {
    case 'br':
      return '\n';
    case 'hr':
      return '\n----------------------------------------\n';
    case 'li':
      return `\n- ${inner.trim()}`;
    case 'tr':
      return `${inner.trim()}\n`;
    case 'td':
    case 'th':
      return `${inner.trim()}  `;
    case 'a': {
      const href = typeof node.props.href === 'string' ? node.props.href : undefined;
      return href && href !== inner.trim() ? `${inner} (${href})` : inner;
    }
    default:
      return BLOCK_ELEMENTS.has(node.type) ? `\n${inner}\n` : inner;
  }
}

/** The plain-text part of the same tree: blocks on lines of their own, links with their address. */
export function renderText(node: ReactNode): string {
  return textOf(node)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .concat('\n');
}
