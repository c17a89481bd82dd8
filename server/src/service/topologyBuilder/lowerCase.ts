/** What lower-casing can change: a string without any of these is its own lower case. */
const CASED = /[A-Z\u0080-\uFFFF]/;

/** `text.toLowerCase()`, without copying a text that is in lower case already (most GUIDs and FQDNs are). */
export function lowerCase(text: string): string {
  return CASED.test(text) ? text.toLowerCase() : text;
}
