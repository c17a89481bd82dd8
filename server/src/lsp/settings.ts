import type { Connection } from 'vscode-languageserver/node';
import type { SeveritySetting, ValidationOptions } from '../service/types';

/** The `pchatTopology.*` settings the server reads. */
export interface ServerSettings {
  rules: Record<string, SeveritySetting>;
}

const SEVERITY_WORDS = new Set<SeveritySetting>(['error', 'warning', 'information', 'hint', 'off']);

/** Keeps only well-formed overrides, so that a typo in settings cannot break validation. */
export function toValidationOptions(settings: unknown): ValidationOptions {
  const rules = (settings as { rules?: unknown } | null)?.rules;
  if (!rules || typeof rules !== 'object') return {};
  const valid = Object.entries(rules as Record<string, unknown>).filter(
    (entry): entry is [string, SeveritySetting] => /^PC\d{3}$/.test(entry[0]) && SEVERITY_WORDS.has(entry[1] as SeveritySetting),
  );
  return { rules: Object.fromEntries(valid) };
}

/** Reads settings through workspace/configuration when the client offers it, and caches them per document. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ValidationOptions>>();
  supported = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<ValidationOptions> {
    if (!this.supported) return Promise.resolve({});
    let options = this.cache.get(uri);
    if (!options) {
      options = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'pchatTopology' }).then(toValidationOptions, () => ({}));
      this.cache.set(uri, options);
    }
    return options;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}
