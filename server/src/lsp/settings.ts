import type { Connection } from 'vscode-languageserver/node';
import type { SeveritySetting, ValidationOptions } from '../service/types';

/** The `pchatTopology.*` settings the server reads. */
export interface ServerSettings {
  rules: Record<string, SeveritySetting>;
  reportUnusedSuppressions: boolean;
}

const SEVERITY_WORDS = new Set<SeveritySetting>(['error', 'warning', 'information', 'hint', 'off']);

/** Keeps only well-formed overrides, so that a typo in settings cannot break validation. */
function validRules(rules: unknown): ValidationOptions['rules'] {
  if (!rules || typeof rules !== 'object') return undefined;
  const valid = Object.entries(rules as Record<string, unknown>).filter(
    (entry): entry is [string, SeveritySetting] => /^PC\d{3}$/.test(entry[0]) && SEVERITY_WORDS.has(entry[1] as SeveritySetting),
  );
  return Object.fromEntries(valid);
}

/** The options of the well-formed settings; the others are ignored. */
export function toValidationOptions(settings: unknown): ValidationOptions {
  const { rules, reportUnusedSuppressions } = (settings ?? {}) as Partial<Record<keyof ServerSettings, unknown>>;
  const options: ValidationOptions = {};
  const valid = validRules(rules);
  if (valid) options.rules = valid;
  if (typeof reportUnusedSuppressions === 'boolean') options.reportUnusedSuppressions = reportUnusedSuppressions;
  return options;
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
