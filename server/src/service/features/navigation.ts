import type { TopologyAnalysis } from '../languageService';
import type { Field } from '../model/model';
import { yamlScalar } from '../edits/yamlEdits';
import type { Position, Range, Span, TextEdit } from '../types';
import { placeAt } from './entityAt';

export interface IdOccurrence {
  range: Range;
  isDefinition: boolean;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function rangeOf(analysis: TopologyAnalysis, span: Span): Range {
  return { start: analysis.document.positionAt(span.start), end: analysis.document.positionAt(span.end) };
}

function idAt(analysis: TopologyAnalysis, position: Position): Field<string> | undefined {
  return placeAt(analysis, analysis.document.offsetAt(position)).id?.field;
}

/** Every place an id stands: where it is defined and where it is referenced. */
function occurrences(analysis: TopologyAnalysis, id: string): IdOccurrence[] {
  const definitions = (analysis.index.byId.get(id) ?? []).map((e) => ({ range: rangeOf(analysis, e.id.span), isDefinition: true }));
  const references = analysis.topology.references.filter((r) => r.field.value === id).map((r) => ({ range: rangeOf(analysis, r.field.span), isDefinition: false }));
  return [...definitions, ...references];
}

/** Where the id under the cursor is defined. */
export function definition(analysis: TopologyAnalysis, position: Position): Range | undefined {
  const field = idAt(analysis, position);
  const entity = field && analysis.index.entity(field.value);
  return entity && rangeOf(analysis, entity.id.span);
}

export function references(analysis: TopologyAnalysis, position: Position, includeDeclaration: boolean): Range[] {
  const field = idAt(analysis, position);
  if (!field) return [];
  return occurrences(analysis, field.value).filter((o) => includeDeclaration || !o.isDefinition).map((o) => o.range);
}

export function highlights(analysis: TopologyAnalysis, position: Position): IdOccurrence[] {
  const field = idAt(analysis, position);
  return field ? occurrences(analysis, field.value) : [];
}

/** The id under the cursor, if it can be renamed. */
export function prepareRename(analysis: TopologyAnalysis, position: Position): { range: Range; placeholder: string } | undefined {
  if (analysis.source.syntax !== 'yaml') return undefined;
  const field = idAt(analysis, position);
  if (!field || !analysis.index.entity(field.value)) return undefined;
  return { range: rangeOf(analysis, field.span), placeholder: field.value };
}

export class RenameError extends Error {}

/** Edits that rename an id and every reference to it; throws RenameError with a message for the user when it cannot. */
export function rename(analysis: TopologyAnalysis, position: Position, newName: string): TextEdit[] {
  if (analysis.source.syntax !== 'yaml') throw new RenameError('Topology Builder owns this file: rename the computer or site in Topology Builder.');
  const field = idAt(analysis, position);
  if (!field || !analysis.index.entity(field.value)) throw new RenameError('Only the id of a site, store or pool (or a reference to one) can be renamed.');
  if (!ID_PATTERN.test(newName)) throw new RenameError(`'${newName}' is not a valid id: use letters, digits, '.', '_' and '-', starting with a letter or digit.`);
  if (newName !== field.value && analysis.index.byId.has(newName)) throw new RenameError(`The id '${newName}' is already used; ids must be unique across the file.`);
  return occurrences(analysis, field.value).map((o) => ({ range: o.range, newText: yamlScalar(newName) }));
}
