// The parsed DSL text: statements of a source and a pipe of operations, each with the position it came from so
// the topology builder can point at the bad token too.

import type { Expr } from '../expr/exprAst';

export type Pos = { line: number; col: number };
export type Word = Pos & { text: string };
export type Dur = Pos & { ms: number; text: string };

export type SourceAst =
  | (Pos & { k: 'stream'; topics: Word[]; as?: Word })
  | (Pos & { k: 'table'; topic: Word; as?: Word })
  | (Pos & { k: 'globalTable'; topic: Word; as?: Word })
  | (Pos & { k: 'ref'; name: Word });

export type WindowAst =
  | { k: 'tumbling'; size: Dur; grace?: Dur }
  | { k: 'hopping'; size: Dur; advance: Dur; grace?: Dur }
  | { k: 'sliding'; diff: Dur; grace?: Dur }
  | { k: 'session'; gap: Dur; grace?: Dur };

export type BranchAst = Pos & { pred: Expr; as: Word };

export type JoinKind = 'inner' | 'left' | 'outer';

export type OpAst = Pos &
  (
    | { k: 'filter'; not: boolean; pred: Expr; as?: Word }
    | { k: 'map'; key: Expr; value: Expr; as?: Word }
    | { k: 'mapValues'; value: Expr; as?: Word }
    | { k: 'flatMap'; list: Expr; key: Expr; value: Expr; as?: Word }
    | { k: 'flatMapValues'; list: Expr; as?: Word }
    | { k: 'selectKey'; key: Expr; as?: Word }
    | { k: 'peek'; as?: Word }
    | { k: 'split'; as?: Word; branches: BranchAst[]; defaultBranch?: Word }
    | { k: 'merge'; other: Word; as?: Word }
    | { k: 'repartition'; as?: Word }
    | { k: 'to'; topic: Word; as?: Word }
    | { k: 'toStream'; as?: Word }
    | { k: 'toTable'; as?: Word }
    | { k: 'groupByKey'; as?: Word }
    | { k: 'groupBy'; key: Expr; value?: Expr; as?: Word }
    | { k: 'windowedBy'; window: WindowAst }
    | { k: 'count'; as?: Word }
    | { k: 'reduce'; adder: Expr; subtractor?: Expr; as?: Word }
    | { k: 'aggregate'; init: Expr; adder: Expr; subtractor?: Expr; as?: Word }
    | {
        k: 'suppress';
        until: { k: 'windowCloses' } | { k: 'timeLimit'; limit: Dur };
        buffer: { k: 'unbounded' } | { k: 'maxRecords'; n: number };
        as?: Word;
      }
    | {
        k: 'join';
        kind: JoinKind;
        other: Word;
        on?: Expr;
        window?: { diff: Dur; before?: Dur; after?: Dur };
        grace?: Dur;
        joiner?: Expr;
        as?: Word;
      }
  );

export type StatementAst = { line: number; bind?: Word; source: SourceAst; ops: OpAst[] };

export type ProgramAst = { statements: StatementAst[] };
