/** The client's LSP `initializationOptions`, as far as this server reads them. */
export interface InitializationOptions {
  /** The folder of the rule pages (docs/rules/ of the installed extension) as a URI: file: on the desktop, https: on the web. */
  ruleDocs?: string;
}

/** A rule's page, `<folder>/<id>.md`. */
export type RuleDocsLink = (id: string) => string;

/**
 * The links to the rule pages in the folder the client names, else in the server's own (the Node server knows where it
 * is installed; a server in a web worker does not, and is told). Undefined when neither names one.
 */
export function ruleDocsLink(initializationOptions: unknown, ownFolder: string | undefined): RuleDocsLink | undefined {
  const named = (initializationOptions as InitializationOptions | undefined)?.ruleDocs;
  const folder = typeof named === 'string' && named.length > 0 ? named : ownFolder;
  if (folder === undefined) return undefined;
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return (id) => `${base}${id}.md`;
}
