/** Lower case letters, digits and single hyphens: what a planner would type as an id in YAML. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The first label of an FQDN, as a slug. */
export function hostLabel(fqdn: string): string {
  return slug(fqdn.split('.')[0]);
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
    const candidates = preferred ? [preferred, `${preferred}-${qualifier}`] : [qualifier];
    let id = candidates.find((c) => !this.taken.has(c));
    for (let n = 2; !id; n++) if (!this.taken.has(`${base}-${n}`)) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
