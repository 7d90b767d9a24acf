// Subject name strategies (`io.confluent.kafka.serializers.subject.*`): which subject a serializer registers and
// looks its schema up under. TopicNameStrategy is the default for keys and values (through 8.2; 8.3 switched the
// default to AssociatedNameStrategy, which falls back to it when no association exists).

export type SubjectNameStrategy = 'TopicNameStrategy' | 'RecordNameStrategy' | 'TopicRecordNameStrategy';

export const STRATEGY_CLASSES: Record<SubjectNameStrategy, string> = {
  TopicNameStrategy: 'io.confluent.kafka.serializers.subject.TopicNameStrategy',
  RecordNameStrategy: 'io.confluent.kafka.serializers.subject.RecordNameStrategy',
  TopicRecordNameStrategy: 'io.confluent.kafka.serializers.subject.TopicRecordNameStrategy',
};

/** Accepts the class name as configured (`value.subject.name.strategy=io.confluent…RecordNameStrategy`) or short. */
export function parseStrategy(text: string | undefined): SubjectNameStrategy | null {
  if (!text) return 'TopicNameStrategy';
  const short = text.trim().split('.').pop() as string;
  return short in STRATEGY_CLASSES ? (short as SubjectNameStrategy) : null;
}

/**
 * The subject for a topic, key/value side and record name (Avro record full name, Protobuf message full name,
 * JSON Schema title). RecordNameStrategy needs a record name; without one the serializer fails as the real one does.
 */
export function subjectName(
  strategy: SubjectNameStrategy,
  topic: string,
  isKey: boolean,
  recordName: string | null,
): { ok: true; subject: string } | { ok: false; message: string } {
  switch (strategy) {
    case 'TopicNameStrategy':
      return { ok: true, subject: `${topic}${isKey ? '-key' : '-value'}` };
    case 'RecordNameStrategy':
      return recordName
        ? { ok: true, subject: recordName }
        : { ok: false, message: 'The schema has no record name, which RecordNameStrategy needs' };
    case 'TopicRecordNameStrategy':
      return recordName
        ? { ok: true, subject: `${topic}-${recordName}` }
        : { ok: false, message: 'The schema has no record name, which TopicRecordNameStrategy needs' };
  }
}
