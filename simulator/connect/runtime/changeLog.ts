// The database's change log (what PostgreSQL's logical decoding hands a CDC connector): every committed
// transaction's row changes, whoever wrote them (the learner's sqlite3 statements, a JDBC sink's batches).
import type { Ctx } from '../../engine/context';
import type { CapturedChange } from '../database/session';
import { area } from './group';

/**
 * One committed transaction into the change log (what logical decoding hands a CDC connector): its changes in
 * order, one txId, each at its own lsn.
 */
export function logTransaction(ctx: Ctx, changes: CapturedChange[]) {
  const a = area(ctx);
  const txId = a.nextTxId;
  for (const c of changes) {
    a.wal.push({
      table: c.table,
      change: { kind: c.kind, before: c.before, after: c.after, txId, lsn: a.nextLsn, tsMs: ctx.now },
    });
    a.nextLsn += 56;
  }
  a.nextTxId += 1;
  const count = (k: CapturedChange['kind']) => changes.filter((c) => c.kind === k).length;
  const tables = [...new Set(changes.map((c) => c.table))];
  const deletes = count('delete');
  ctx.emit(
    'connectDbChanged',
    `transaction ${txId} committed on ${tables.join(', ')}: ${count('insert')} insert(s), ${count('update')} update(s), ${deletes} delete(s)${deletes > 0 ? '; a polling JDBC source never sees a deleted row' : ''}`,
    { tables, inserts: count('insert'), updates: count('update'), deletes, txId },
  );
}
