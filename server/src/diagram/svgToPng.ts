/** PNG output's native module is missing: it is an optional dependency, which npm skips where it has no build. */
export class PngUnavailableError extends Error {}

async function loadResvg(): Promise<typeof import('@resvg/resvg-js')> {
  try {
    return await import('@resvg/resvg-js');
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    throw new PngUnavailableError(`PNG output needs @resvg/resvg-js, which is not installed for ${process.platform}-${process.arch} (${why})`);
  }
}

/**
 * The SVG drawn to a PNG by resvg, one pixel per SVG unit, with the machine's fonts. resvg is loaded on first use:
 * only PNG output needs it.
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await loadResvg();
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: true } }).render().asPng();
}
