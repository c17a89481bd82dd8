import { IANA_ALIAS_MAP, WINDOWS_TO_IANA_MAP } from 'windows-iana';

/** A Windows time zone, as `tzutil /l` names it, and the IANA zone CLDR gives for it worldwide (territory "001"). */
export interface WindowsTimeZone {
  name: string;
  iana: string;
}

/** Every Windows time zone CLDR's windowsZones maps, in CLDR's order (by UTC offset). */
export const WINDOWS_TIME_ZONES: readonly WindowsTimeZone[] = WINDOWS_TO_IANA_MAP.filter((zone) => zone.territory === '001').map((zone) => ({
  name: zone.windowsName,
  iana: zone.iana[0],
}));

const nameKey = (name: string): string => name.toLowerCase();

/** Each Windows name, IANA name and IANA alias (lower case) with the Windows zones it stands for. */
const WINDOWS_ZONES_OF: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const aliases = new Map<string, readonly string[]>();
  for (const { alias } of IANA_ALIAS_MAP) for (const name of alias) aliases.set(nameKey(name), alias);
  const zones = new Map<string, Set<string>>();
  const add = (name: string, windowsName: string) => {
    const set = zones.get(nameKey(name)) ?? new Set<string>();
    zones.set(nameKey(name), set.add(windowsName));
  };
  for (const { windowsName, iana } of WINDOWS_TO_IANA_MAP) {
    add(windowsName, windowsName);
    for (const name of iana) for (const alias of aliases.get(nameKey(name)) ?? [name]) add(alias, windowsName);
  }
  return zones;
})();

/**
 * Whether two time-zone names, each a Windows or an IANA name, are the same zone: equal ignoring case, or standing
 * for the same Windows zone (the servers run Windows). A name the table does not know compares by equality only.
 */
export function sameTimeZone(a: string, b: string): boolean {
  if (nameKey(a) === nameKey(b)) return true;
  const ofA = WINDOWS_ZONES_OF.get(nameKey(a));
  const ofB = WINDOWS_ZONES_OF.get(nameKey(b));
  return !!ofA && !!ofB && [...ofA].some((zone) => ofB.has(zone));
}
