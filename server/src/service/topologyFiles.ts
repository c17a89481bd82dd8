/** What names the tool and its files; the server, the CLI and the VS Code client share it. */

export const TOOL_NAME = 'pchat-topology';

export const LANGUAGE_ID = 'pchat-topology';

/** Whether a document is a topology descriptor: by language id, or by file name where an editor knows no such language. */
export function isTopologyDocument(languageId: string, uriOrPath: string): boolean {
  return languageId === LANGUAGE_ID || /\.topology\.ya?ml$/i.test(uriOrPath);
}
