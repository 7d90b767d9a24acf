// One error vocabulary: the engine's {code, message}; the console names the Java exception from one table.
import { describe, expect, it } from 'vitest';
import { errorText, exceptionName } from '@/kafka-cli/kafkaErrors';

describe('Kafka error name → Java exception class (org.apache.kafka.common.protocol.Errors)', () => {
  it('maps the names whose exception is not the name in CamelCase', () => {
    expect(exceptionName('TOPIC_ALREADY_EXISTS')).toBe('TopicExistsException');
    expect(exceptionName('MESSAGE_TOO_LARGE')).toBe('RecordTooLargeException');
    expect(exceptionName('REQUEST_TIMED_OUT')).toBe('TimeoutException');
    expect(exceptionName('ILLEGAL_STATE')).toBe('IllegalStateException');
  });
  it('derives the rest as Errors.java does, and passes exception names through', () => {
    expect(exceptionName('GROUP_AUTHORIZATION_FAILED')).toBe('GroupAuthorizationFailedException');
    expect(exceptionName('IllegalStateException')).toBe('IllegalStateException');
    expect(
      errorText({
        code: 'UNKNOWN_TOPIC_OR_PARTITION',
        message: 'This server does not host this topic-partition.',
      }),
    ).toBe('UnknownTopicOrPartitionException: This server does not host this topic-partition.');
  });
});
