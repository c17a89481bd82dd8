/** The colours a drawing is painted with, by what they are for. */
export interface DiagramPalette {
  /** The page, and the inside of pools, servers and the other boxes. */
  background: string;
  /** Text, arrowheads, and the links that have no colour of their own. */
  foreground: string;
  /** The outline of a box that has no colour of its own. */
  border: string;
  siteBackground: string;
  persistentChat: string;
  frontEnd: string;
  sql: string;
  fileStore: string;
  capacityTrack: string;
  capacityUsed: string;
  error: string;
  warning: string;
  information: string;
}

export type PaletteColour = keyof DiagramPalette;

export type DiagramTheme = 'light' | 'dark';

export const DIAGRAM_THEMES: readonly DiagramTheme[] = ['light', 'dark'];

/** Literal colours for a standalone file: VS Code's Light+ and Dark+ themes, which the preview shows by default. */
export const PALETTES: Record<DiagramTheme, DiagramPalette> = {
  light: {
    background: '#ffffff',
    foreground: '#1f1f1f',
    border: '#5a5a5a',
    siteBackground: '#f6f6f6',
    persistentChat: '#1a73e8',
    frontEnd: '#8e44ad',
    sql: '#d35400',
    fileStore: '#2e7d32',
    capacityTrack: '#c8c8c8',
    capacityUsed: '#2e7d32',
    error: '#e51400',
    warning: '#bf8803',
    information: '#1a85ff',
  },
  dark: {
    background: '#1e1e1e',
    foreground: '#cccccc',
    border: '#a0a0a0',
    siteBackground: '#252526',
    persistentChat: '#3794ff',
    frontEnd: '#b180d7',
    sql: '#d18616',
    fileStore: '#89d185',
    capacityTrack: '#454545',
    capacityUsed: '#89d185',
    error: '#f14c4c',
    warning: '#cca700',
    information: '#3794ff',
  },
};

/** The VS Code theme colour the preview takes each palette colour from, so that it follows the editor's theme. */
export const VSCODE_COLOUR_VARIABLES: Record<PaletteColour, string> = {
  background: '--vscode-editor-background',
  foreground: '--vscode-foreground',
  border: '--vscode-foreground',
  siteBackground: '--vscode-sideBar-background',
  persistentChat: '--vscode-charts-blue',
  frontEnd: '--vscode-charts-purple',
  sql: '--vscode-charts-orange',
  fileStore: '--vscode-charts-green',
  capacityTrack: '--vscode-editorWidget-border',
  capacityUsed: '--vscode-charts-green',
  error: '--vscode-editorError-foreground',
  warning: '--vscode-editorWarning-foreground',
  information: '--vscode-editorInfo-foreground',
};
