/** Names shared by the server and the VS Code client. */

/** Request: `{ uri }` → the DiagramModel of that open document, or null. */
export const DIAGRAM_MODEL_REQUEST = 'pchatTopology/diagramModel';

/** Client command that opens the preview beside the editor; arguments: document uri, optional entity id. */
export const OPEN_PREVIEW_TO_SIDE_COMMAND = 'pchatTopology.openPreviewToSide';
