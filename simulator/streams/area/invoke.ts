// The Streams runtime drives the clients of other areas the way a KafkaStreams instance drives its embedded
// producer: it calls their commands (producerSend, producerCommitTransaction, …) from inside its own command or
// task, with the same guards the engine would run, so the producer and transactions areas keep their rules.
import type { Ctx } from '../../engine/context';
import {
  type Command,
  type CommandType,
  commandGuardsFor,
  commandHandler,
  type KafkaError,
  type Outcome,
  type ResultData,
} from '../../engine/registry';

export function invoke<K extends CommandType>(
  ctx: Ctx,
  command: Extract<Command, { type: K }>,
): Outcome<ResultData<K>> {
  const handler = commandHandler(command.type);
  if (!handler) return { ok: false, error: { code: 'INVALID_COMMAND', message: command.type } };
  const refusal = commandGuardsFor(command.type)
    ?.map((g) => g(ctx, command as never) as KafkaError | null)
    .find((e) => e !== null);
  if (refusal) return { ok: false, error: refusal };
  return handler(ctx, command as never) as Outcome<ResultData<K>>;
}
