import { describe, expect, it } from 'vitest';
import { formatJavaDate } from './javaDate';
import { ConnectError, type ConnectRecord, transformChain } from './transforms';

const T = 'org.apache.kafka.connect.transforms.';
const rec = (over: Partial<ConnectRecord> = {}): ConnectRecord => ({
  topic: 'customers',
  partition: 0,
  key: null,
  value: { id: 7, name: 'Ada', ssn: '123-45-6789', card: 4111, vip: true },
  timestamp: Date.UTC(2026, 11, 3, 9, 30),
  headers: [],
  kafkaOffset: 42,
  ...over,
});
const chain = (config: Record<string, string>) => transformChain(config);

function thrown(fn: () => unknown): ConnectError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConnectError) return e;
    throw e;
  }
  throw new Error('expected a ConnectError');
}

describe('Single Message Transforms (org.apache.kafka.connect.transforms, schemaless)', () => {
  it('InsertField$Value adds topic, partition, offset, timestamp and a static field', () => {
    const out = chain({
      transforms: 'meta',
      'transforms.meta.type': `${T}InsertField$Value`,
      'transforms.meta.topic.field': 'src_topic',
      'transforms.meta.offset.field': 'src_offset!',
      'transforms.meta.static.field': 'origin',
      'transforms.meta.static.value': 'crm',
    }).apply(rec());
    expect(out?.value).toMatchObject({ src_topic: 'customers', src_offset: 42, origin: 'crm', id: 7 });
  });

  it('InsertField refuses an empty configuration: "No field insertion configured"', () => {
    const e = thrown(() => chain({ transforms: 'x', 'transforms.x.type': `${T}InsertField$Value` }));
    expect(e.message).toBe('No field insertion configured');
  });

  it('InsertField offset.field on a source record fails: only SinkRecord carries a Kafka offset (Requirements#requireSinkRecord)', () => {
    const t = chain({
      transforms: 'x',
      'transforms.x.type': `${T}InsertField$Value`,
      'transforms.x.offset.field': 'o',
    });
    expect(thrown(() => t.apply(rec({ kafkaOffset: null }))).message).toBe(
      'Only SinkRecord supported for [field insertion], found: org.apache.kafka.connect.source.SourceRecord',
    );
  });

  it('schemaless transforms need a map: a string value fails with DataException (Requirements#requireMap)', () => {
    const t = chain({
      transforms: 'm',
      'transforms.m.type': `${T}MaskField$Value`,
      'transforms.m.fields': 'ssn',
    });
    const e = thrown(() => t.apply(rec({ value: 'plain text' })));
    expect(e.exception).toBe('org.apache.kafka.connect.errors.DataException');
    expect(e.message).toBe(
      'Only Map objects supported in absence of schema for [mask fields], found: java.lang.String',
    );
  });

  it("MaskField$Value replaces each field with its type's empty value, or a custom replacement", () => {
    const plain = chain({
      transforms: 'm',
      'transforms.m.type': `${T}MaskField$Value`,
      'transforms.m.fields': 'ssn,card,vip',
    }).apply(rec());
    expect(plain?.value).toMatchObject({ ssn: '', card: 0, vip: false, name: 'Ada' });
    const custom = chain({
      transforms: 'm',
      'transforms.m.type': `${T}MaskField$Value`,
      'transforms.m.fields': 'ssn',
      'transforms.m.replacement': '***-**-****',
    }).apply(rec());
    expect(custom?.value).toMatchObject({ ssn: '***-**-****' });
  });

  it('ReplaceField$Value excludes, includes and renames fields; a bad mapping is a ConfigException', () => {
    const out = chain({
      transforms: 'r',
      'transforms.r.type': `${T}ReplaceField$Value`,
      'transforms.r.exclude': 'ssn,card',
      'transforms.r.renames': 'name:full_name',
    }).apply(rec());
    expect(out?.value).toEqual({ id: 7, full_name: 'Ada', vip: true });
    const e = thrown(() =>
      chain({
        transforms: 'r',
        'transforms.r.type': `${T}ReplaceField$Value`,
        'transforms.r.renames': 'a:b:c',
      }),
    );
    expect(e.message).toBe('Invalid value [a:b:c] for configuration renames: Invalid rename mapping: a:b:c');
  });

  it('ValueToKey builds the key from value fields, then ExtractField$Key unwraps it (the JDBC source key recipe)', () => {
    const out = chain({
      transforms: 'createKey,extractId',
      'transforms.createKey.type': `${T}ValueToKey`,
      'transforms.createKey.fields': 'id',
      'transforms.extractId.type': `${T}ExtractField$Key`,
      'transforms.extractId.field': 'id',
    }).apply(rec());
    expect(out?.key).toBe(7);
  });

  it('HoistField$Value wraps a primitive value in a map under the given field', () => {
    const out = chain({
      transforms: 'h',
      'transforms.h.type': `${T}HoistField$Value`,
      'transforms.h.field': 'line',
    }).apply(rec({ value: 'GET /index.html' }));
    expect(out?.value).toEqual({ line: 'GET /index.html' });
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: Connect's own ${topic} / ${timestamp} placeholders
  it('TimestampRouter renames the topic to ${topic}-${timestamp} with yyyyMMdd in UTC by default', () => {
    const out = chain({ transforms: 't', 'transforms.t.type': `${T}TimestampRouter` }).apply(rec());
    expect(out?.topic).toBe('customers-20261203');
    const hourly = chain({
      transforms: 't',
      'transforms.t.type': `${T}TimestampRouter`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Connect's own ${topic} / ${timestamp} placeholders
      'transforms.t.topic.format': 'logs_${timestamp}',
      'transforms.t.timestamp.format': "yyyy-MM-dd'T'HH",
    }).apply(rec());
    expect(hourly?.topic).toBe('logs_2026-12-03T09');
  });

  it('RegexRouter reroutes only when the whole topic matches, with $1 group references (Matcher#matches + replaceFirst)', () => {
    const t = chain({
      transforms: 'route',
      'transforms.route.type': `${T}RegexRouter`,
      'transforms.route.regex': 'dbserver1\\.inventory\\.(.*)',
      'transforms.route.replacement': 'cdc-$1',
    });
    expect(t.apply(rec({ topic: 'dbserver1.inventory.customers' }))?.topic).toBe('cdc-customers');
    expect(t.apply(rec({ topic: 'x.dbserver1.inventory.customers' }))?.topic).toBe(
      'x.dbserver1.inventory.customers',
    );
  });

  it('Filter with a RecordIsTombstone predicate drops tombstones; negate=true keeps only them', () => {
    const config = {
      transforms: 'dropTombstones',
      'transforms.dropTombstones.type': `${T}Filter`,
      'transforms.dropTombstones.predicate': 'isTombstone',
      predicates: 'isTombstone',
      'predicates.isTombstone.type': `${T}predicates.RecordIsTombstone`,
    };
    expect(chain(config).apply(rec({ value: null }))).toBeNull();
    expect(chain(config).apply(rec())).not.toBeNull();
    const negated = chain({ ...config, 'transforms.dropTombstones.negate': 'true' });
    expect(negated.apply(rec())).toBeNull();
    expect(negated.apply(rec({ value: null }))).not.toBeNull();
  });

  it('predicates TopicNameMatches and HasHeaderKey guard a transform; a skipped transform leaves the record as it was', () => {
    const t = chain({
      transforms: 'mask',
      'transforms.mask.type': `${T}MaskField$Value`,
      'transforms.mask.fields': 'ssn',
      'transforms.mask.predicate': 'pii',
      predicates: 'pii',
      'predicates.pii.type': `${T}predicates.TopicNameMatches`,
      'predicates.pii.pattern': 'cust.*',
    });
    expect(t.apply(rec())?.value).toMatchObject({ ssn: '' });
    expect(t.apply(rec({ topic: 'orders' }))?.value).toMatchObject({ ssn: '123-45-6789' });
    const h = chain({
      transforms: 'f',
      'transforms.f.type': `${T}Filter`,
      'transforms.f.predicate': 'debug',
      predicates: 'debug',
      'predicates.debug.type': `${T}predicates.HasHeaderKey`,
      'predicates.debug.name': 'debug',
    });
    expect(h.apply(rec({ headers: [['debug', '1']] }))).toBeNull();
    expect(h.apply(rec())).not.toBeNull();
  });

  it('an unknown transform class or an undefined predicate alias is a configuration error naming the key', () => {
    expect(thrown(() => chain({ transforms: 'x', 'transforms.x.type': 'com.example.Nope' })).message).toBe(
      'Invalid value com.example.Nope for configuration transforms.x.type: Class com.example.Nope could not be found.',
    );
    expect(
      thrown(() =>
        chain({ transforms: 'x', 'transforms.x.type': `${T}Filter`, 'transforms.x.predicate': 'ghost' }),
      ).message,
    ).toBe(
      'Invalid value ghost for configuration transforms.x.predicate: The predicate alias ghost is not defined in predicates',
    );
  });
});

describe('SimpleDateFormat subset (UTC)', () => {
  it('formats letters, runs and quoted literals like java.text.SimpleDateFormat', () => {
    const t = Date.UTC(2026, 0, 5, 7, 8, 9, 45);
    expect(formatJavaDate(t, 'yyyyMMdd')).toBe('20260105');
    expect(formatJavaDate(t, "yyyy-MM-dd'T'HH:mm:ss.SSS")).toBe('2026-01-05T07:08:09.045');
    expect(formatJavaDate(t, "'year='yyyy/'month='MM")).toBe('year=2026/month=01');
    expect(formatJavaDate(t, 'yy')).toBe('26');
  });
});
