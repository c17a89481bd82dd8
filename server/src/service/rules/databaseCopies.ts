import type { Field, PersistentChatPool, ProtectionRole, SqlStore } from '../model/model';
import { poolDatabases } from '../model/poolFacts';
import type { RuleContext } from './rule';

/** A copy of a database and the copy it protects: mirror→primary, backup→primary, backupMirror→backup. */
export interface ProtectionPair {
  pool: PersistentChatPool;
  noun: string;
  role: ProtectionRole;
  copy: { ref: Field<string>; store: SqlStore };
  protects: { role: ProtectionRole; ref: Field<string>; store: SqlStore };
}

const PROTECTS: [ProtectionRole, ProtectionRole][] = [
  ['mirror', 'store'],
  ['backup', 'store'],
  ['backupMirror', 'backup'],
];

/** Every resolved copy of every Persistent Chat and compliance database, with what it protects. */
export function protectionPairs({ topology, index }: RuleContext): ProtectionPair[] {
  const pairs: ProtectionPair[] = [];
  for (const pool of topology.persistentChatPools) {
    for (const { noun, placement } of poolDatabases(pool)) {
      for (const [role, protectedRole] of PROTECTS) {
        const ref = placement[role];
        const protectedRef = placement[protectedRole];
        const store = index.resolve(ref, 'sqlStore');
        const protectedStore = index.resolve(protectedRef, 'sqlStore');
        if (ref && store && protectedRef && protectedStore) {
          pairs.push({ pool, noun, role, copy: { ref, store }, protects: { role: protectedRole, ref: protectedRef, store: protectedStore } });
        }
      }
    }
  }
  return pairs;
}
