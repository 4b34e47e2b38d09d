// A deliberately small Markdown converter for our own documentation (docs/methods.md → the /methoden page, at
// build time). It knows headings, paragraphs, nested lists, tables, indented code blocks, horizontal rules and
// inline code, bold, emphasis and links; everything else is text. All text is HTML-escaped and link targets are
// limited to http(s), site paths and fragments, so the output is safe to insert even if a document were hostile.

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const SAFE_URL = /^(https?:\/\/[^\s]+|\/[^\s]*|#[^\s]*)$/;

/** Inline markup of one block's text: `code`, **bold**, *emphasis*, [text](url). */
export function inline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length >= 2) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeHtml(part)
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, url: string) => {
          // The URL was escaped with the rest; undo only &amp; for the check, keep it escaped in the attribute.
          return SAFE_URL.test(url.replaceAll('&amp;', '&')) ? `<a href="${url}">${label}</a>` : whole;
        })
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?![*\w])/g, '$1<em>$2</em>');
    })
    .join('');
}

interface ListItem {
  text: string;
  children: List | null;
}
interface List {
  ordered: boolean;
  items: ListItem[];
}

function renderList(list: List): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const items = list.items.map((item) => `<li>${inline(item.text)}${item.children === null ? '' : renderList(item.children)}</li>`).join('');
  return `<${tag}>${items}</${tag}>`;
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

const LIST_ITEM = /^( *)([-*]|\d+\.) +(.*)$/;

/** Converts Markdown text to an HTML fragment. */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replaceAll('\r\n', '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: List | null = null;
  let previousBlank = true;

  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list !== null) out.push(renderList(list));
    list = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      flushParagraph();
      // A list continues over a blank line only when its next line is another item or indented text of it.
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (list !== null && (next === undefined || !(LIST_ITEM.test(next) || /^ {1,3}\S/.test(next)))) flushList();
      previousBlank = true;
      continue;
    }
    const heading = /^(#{1,6}) +(.*)$/.exec(line);
    const item = LIST_ITEM.exec(line);
    if (heading !== null) {
      flushParagraph();
      flushList();
      const level = heading[1]!.length;
      out.push(`<h${level}>${inline(heading[2]!.trim())}</h${level}>`);
    } else if (/^ {0,3}(-{3,}|\*{3,})\s*$/.test(line)) {
      flushParagraph();
      flushList();
      out.push('<hr>');
    } else if (line.startsWith('    ') && (previousBlank || list === null) && paragraph.length === 0) {
      flushList();
      const code: string[] = [];
      while (i < lines.length && (lines[i]!.startsWith('    ') || (lines[i]!.trim() === '' && (lines[i + 1] ?? '').startsWith('    ')))) {
        code.push(lines[i]!.slice(4));
        i++;
      }
      i--;
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (line.trimStart().startsWith('|')) {
      flushParagraph();
      flushList();
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.trimStart().startsWith('|')) rows.push(lines[i++]!);
      i--;
      const [head, separator, ...body] = rows;
      const hasHeader = separator !== undefined && /^[\s|:-]+$/.test(separator);
      const headCells = hasHeader ? `<thead><tr>${cells(head!).map((c) => `<th scope="col">${inline(c)}</th>`).join('')}</tr></thead>` : '';
      const bodyRows = (hasHeader ? body : rows).map((r) => `<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('');
      out.push(`<table>${headCells}<tbody>${bodyRows}</tbody></table>`);
    } else if (item !== null) {
      flushParagraph();
      const nested = item[1]!.length >= 2;
      const ordered = /\d/.test(item[2]!);
      if (list === null || (!nested && list.ordered !== ordered)) {
        flushList();
        list = { ordered, items: [] };
      }
      const current: List = list;
      if (nested && current.items.length > 0) {
        const parent = current.items.at(-1)!;
        parent.children ??= { ordered, items: [] };
        parent.children.items.push({ text: item[3]!, children: null });
      } else {
        current.items.push({ text: item[3]!, children: null });
      }
    } else if (list !== null && /^ +\S/.test(line)) {
      // Continuation of the last item (or of its last nested item).
      const current: List = list;
      const last = current.items.at(-1)!;
      const target = last.children?.items.at(-1) ?? last;
      target.text += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
    previousBlank = false;
  }
  flushParagraph();
  flushList();
  return out.join('\n');
}
