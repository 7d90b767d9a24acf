// PromQL syntax tree of the subset the simulator evaluates (promql/parser/ast.go names).

export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string';

export type MatchOp = '=' | '!=' | '=~' | '!~';
export type Matcher = { name: string; op: MatchOp; value: string };

export type AggregateOp =
  | 'sum'
  | 'avg'
  | 'min'
  | 'max'
  | 'count'
  | 'group'
  | 'stddev'
  | 'stdvar'
  | 'topk'
  | 'bottomk';

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^';
export type ComparisonOp = '==' | '!=' | '>' | '<' | '>=' | '<=';
export type SetOp = 'and' | 'or' | 'unless';
export type BinaryOp = ArithmeticOp | ComparisonOp | SetOp;

export type VectorSelector = {
  kind: 'vector';
  name: string | null;
  matchers: Matcher[];
  offsetMs: number;
  pos: number;
};

export type Expr =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | VectorSelector
  | { kind: 'matrix'; vector: VectorSelector; rangeMs: number; pos: number }
  | { kind: 'call'; func: string; args: Expr[]; pos: number }
  | {
      kind: 'aggregate';
      op: AggregateOp;
      param: Expr | null;
      grouping: string[];
      without: boolean;
      expr: Expr;
      pos: number;
    }
  | {
      kind: 'binary';
      op: BinaryOp;
      lhs: Expr;
      rhs: Expr;
      returnBool: boolean;
      /** on(...) / ignoring(...); null = match on every label but the name. */
      matching: { on: boolean; labels: string[] } | null;
      pos: number;
    }
  | { kind: 'unary'; op: '-' | '+'; expr: Expr; pos: number }
  | { kind: 'paren'; expr: Expr; pos: number };

export const COMPARISON_OPS: readonly string[] = ['==', '!=', '>', '<', '>=', '<='];
export const SET_OPS: readonly string[] = ['and', 'or', 'unless'];
