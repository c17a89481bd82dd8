import type { Finding } from '../service/types';
import { escapeXml } from './escapeXml';

const WIDTH = 800;
const MARGIN = 20;
const LINE_HEIGHT = 20;
/** Between the heading and the reason. */
const GAP = 8;
/** What fits in a line of 14px text across the width, with room to spare for wide letters. */
const LINE_CHARACTERS = 90;

/** The text in lines of at most LINE_CHARACTERS, broken between words where it can be and inside a word where it cannot. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const joined = line ? `${line} ${word}` : word;
      if (joined.length <= LINE_CHARACTERS) {
        line = joined;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (line.length > LINE_CHARACTERS) {
        lines.push(line.slice(0, LINE_CHARACTERS));
        line = line.slice(LINE_CHARACTERS);
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * What `render` draws for a file that has nothing to draw because it is not YAML or not a topology: the reason, in
 * words, instead of an empty image.
 */
export function unreadableSvg(file: string, reason: Pick<Finding, 'code' | 'message' | 'range'>): string {
  const { line, character } = reason.range.start;
  const heading = wrap(`Cannot draw ${file}`);
  const body = wrap(`${line + 1}:${character + 1} ${reason.code} ${reason.message}`);
  const rows = [...heading.map((content) => ({ className: 'heading', content })), ...body.map((content) => ({ className: 'reason', content }))];
  const baseline = (row: number) => MARGIN + 16 + row * LINE_HEIGHT + (row < heading.length ? 0 : GAP);
  const height = baseline(rows.length - 1) + MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="pchat-unreadable" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(`Cannot draw ${file}: ${reason.message}`)}">`,
    `<style>.pchat-unreadable { font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; } .pchat-unreadable text { fill: #1f1f1f; } .pchat-unreadable .heading { font-size: 16px; font-weight: 600; }</style>`,
    `<rect x="1" y="1" width="${WIDTH - 2}" height="${height - 2}" rx="4" fill="#fff4f4" stroke="#e51400" stroke-width="2"/>`,
    ...rows.map(({ className, content }, row) => `<text class="${className}" x="${MARGIN}" y="${baseline(row)}">${escapeXml(content)}</text>`),
    '</svg>',
  ].join('\n');
}
