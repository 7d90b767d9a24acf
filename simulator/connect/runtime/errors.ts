// A task's failure as Connect reports it: the exception trace in the task status, and the dead letter queue
// record of a sink (DeadLetterQueueReporter, RetryWithToleranceOperator).
import type { Ctx } from '../../engine/context';
import { taskStatusRecord } from '../rest/internalTopics';
import type { ConnectorEntry } from '../rest/types';
import { area, writeInternal } from './group';
import { appendRecords, ensureTopic } from './kafkaLog';
import { syncSinkGroup } from './sinkGroup';
import type { TaskRuntime } from './types';

export type TaskError = {
  exception: string;
  message: string;
  stage: string;
  executingClass: string;
  /** The failing method of executingClass in the DLQ's stacktrace header (default toConnectData). */
  method?: string;
};

/** A Java-style trace: RetryWithToleranceOperator wraps the cause when errors.tolerance=none. */
export function toleranceExceededTrace(e: TaskError, taskClass: string): string {
  return [
    'org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler',
    '\tat org.apache.kafka.connect.runtime.errors.RetryWithToleranceOperator.execAndHandleError(RetryWithToleranceOperator.java)',
    `\tat ${taskClass}.execute`,
    `Caused by: ${e.exception}: ${e.message}`,
    `\tat ${e.executingClass}.toConnectData`,
  ].join('\n');
}

/** WorkerTask#doRun's catch: the task is killed, its status is FAILED with the trace, and it stays so until restarted. */
export function failTask(ctx: Ctx, rt: TaskRuntime, c: ConnectorEntry, trace: string): void {
  const a = area(ctx);
  const s = { state: 'FAILED' as const, workerId: rt.worker, trace, generation: a.cluster.generation };
  c.taskStatuses[rt.task] = s;
  writeInternal(ctx, [taskStatusRecord(c.name, rt.task, s)]);
  delete a.runtime[`${rt.connector}-${rt.task}`];
  // WorkerTask#doClose: the failed sink task's consumer leaves its group, the connector's other tasks take over
  if (rt.kind === 'sink') syncSinkGroup(ctx, rt.connector);
  ctx.emit(
    'connectTaskFailed',
    `task ${rt.connector}-${rt.task} on ${rt.worker} FAILED: ${trace.split('\n')[0]}${
      trace.includes('Caused by') ? ` (caused by ${trace.split('Caused by: ')[1]?.split('\n')[0]})` : ''
    }; failed tasks are not restarted automatically`,
    { connector: c.name, task: rt.task, worker: rt.worker, trace },
  );
}

/** errors.deadletterqueue.* of a sink connector (SinkConnectorConfig; replication factor default 3). */
export function sendToDlq(
  ctx: Ctx,
  rt: TaskRuntime,
  config: Record<string, string>,
  original: { topic: string; partition: number; offset: number; key: string | null; value: string | null },
  e: TaskError,
): string | null {
  const dlq = config['errors.deadletterqueue.topic.name'] ?? '';
  if (dlq === '') return null;
  const rf = Number(config['errors.deadletterqueue.topic.replication.factor'] ?? '3');
  if (!ensureTopic(ctx, dlq, 1, rf)) return null;
  const headers: Array<[string, string]> = [];
  if (config['errors.deadletterqueue.context.headers.enable'] === 'true') {
    const p = '__connect.errors.';
    headers.push(
      [`${p}topic`, original.topic],
      [`${p}partition`, String(original.partition)],
      [`${p}offset`, String(original.offset)],
      [`${p}connector.name`, rt.connector],
      [`${p}task.id`, String(rt.task)],
      [`${p}stage`, e.stage],
      [`${p}class.name`, e.executingClass],
      [`${p}exception.class.name`, e.exception],
      [`${p}exception.message`, e.message],
      [
        `${p}exception.stacktrace`,
        `${e.exception}: ${e.message}\n\tat ${e.executingClass}.${e.method ?? 'toConnectData'}`,
      ],
    );
  }
  appendRecords(ctx, dlq, [{ key: original.key, value: original.value, headers, partition: 0 }]);
  ctx.emit(
    'connectRecordToDlq',
    `task ${rt.connector}-${rt.task} skipped ${original.topic}-${original.partition}@${original.offset} (${e.exception.split('.').pop()}: ${e.message.slice(0, 80)}) and wrote it to the dead letter queue ${dlq} (stage ${e.stage}, errors.tolerance=${config['errors.tolerance'] ?? 'none'})`,
    { connector: rt.connector, task: rt.task, topic: original.topic, offset: original.offset, dlq },
  );
  return dlq;
}
