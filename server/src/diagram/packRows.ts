/** Width over height that a packing of many blocks aims at: a screen's, roughly. */
const ASPECT_RATIO = 1.6;

export interface Packing {
  width: number;
  height: number;
  /** The top-left corner of each block, in the order given. */
  positions: { x: number; y: number }[];
}

/**
 * Puts blocks left to right in the order given, starting a row where the next block would pass the row width: the
 * widest block's, or more when there are many, so that the whole comes out about as wide as ASPECT_RATIO times high.
 */
export function packRows(blocks: { width: number; height: number }[], gap: number): Packing {
  const area = blocks.reduce((sum, b) => sum + (b.width + gap) * (b.height + gap), 0);
  const rowWidth = Math.max(...blocks.map((b) => b.width), Math.sqrt(area * ASPECT_RATIO));
  const positions: Packing['positions'] = [];
  let [x, y, rowHeight, width] = [0, 0, 0, 0];
  for (const block of blocks) {
    if (x > 0 && x + block.width > rowWidth) {
      y += rowHeight + gap;
      [x, rowHeight] = [0, 0];
    }
    positions.push({ x, y });
    width = Math.max(width, x + block.width);
    rowHeight = Math.max(rowHeight, block.height);
    x += block.width + gap;
  }
  return { width, height: y + rowHeight, positions };
}
