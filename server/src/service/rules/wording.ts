import type { Entity, EntityKind, ProtectionRole } from '../model/model';

export const KIND_NOUNS: Record<EntityKind, string> = {
  site: 'site',
  sqlStore: 'SQL store',
  fileStore: 'file store',
  frontEndPool: 'Front End pool',
  persistentChatPool: 'Persistent Chat pool',
};

/** "Persistent Chat pool 'pchat'". */
export const label = (entity: Entity): string => `${KIND_NOUNS[entity.kind]} '${entity.id.value}'`;

export const count = (n: number): string => n.toLocaleString('en-US');

export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

export const ROLE_NOUNS: Record<ProtectionRole, string> = {
  store: 'primary',
  mirror: 'mirror',
  backup: 'log-shipping backup',
  backupMirror: 'backup mirror',
};

export const quoteList = (names: string[]): string => names.map((n) => `'${n}'`).join(', ');
