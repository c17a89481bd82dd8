import { lowerCase } from './lowerCase';

const NOT_SLUG = /[^a-z0-9]+/g;
const EDGE_HYPHENS = /^-+|-+$/g;

/** Lower case letters, digits and single hyphens: what a planner would type as an id in YAML. */
export function slug(text: string): string {
  return lowerCase(text).replace(NOT_SLUG, '-').replace(EDGE_HYPHENS, '');
}

/** The first label of an FQDN, as a slug. */
export function hostLabel(fqdn: string): string {
  const dot = fqdn.indexOf('.');
  return slug(dot < 0 ? fqdn : fqdn.slice(0, dot));
}

/** Hands out ids unique across the whole topology, as the descriptor requires. */
export class IdAllocator {
  private readonly taken = new Set<string>();

  /**
   * `preferred` when free; else `preferred-qualifier` (so that the Persistent Chat pool on a Standard Edition
   * server reads `se01-pchat` beside the server's `se01`); else `preferred-2`, `-3`, …
   */
  allocate(preferred: string, qualifier: string): string {
    const base = preferred || qualifier;
    let id = base;
    if (preferred && this.taken.has(id)) id = `${preferred}-${qualifier}`;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
