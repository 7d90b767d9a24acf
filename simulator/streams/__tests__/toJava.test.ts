import { describe, expect, it } from 'vitest';
import { toJava } from '../java/toJava';

function java(dsl: string): string {
  const r = toJava(dsl);
  if (!r.ok) throw new Error(r.error.message);
  return r.java;
}

describe('toJava: the StreamsBuilder code beside the DSL text', () => {
  it("WordCount reads like Kafka's WordCountDemo", () => {
    expect(
      java(
        'stream streams-plaintext-input | flatMapValues split(lower(value), "\\\\W+") | groupBy value | count as counts-store | toStream | to streams-wordcount-output',
      ),
    ).toBe(`// default.key.serde and default.value.serde: Serdes.String()
StreamsBuilder builder = new StreamsBuilder();

builder.stream("streams-plaintext-input")
    .flatMapValues(value -> Arrays.asList(value.toLowerCase().split("\\\\W+")))
    .groupBy((key, value) -> value)
    .count(Materialized.as("counts-store"))
    .toStream()
    .to("streams-wordcount-output", Produced.with(Serdes.String(), Serdes.Long()));

Topology topology = builder.build();
`);
  });

  it('a windowed count with grace: TimeWindows.ofSizeAndGrace, JSON field access through Jackson, a windowed serde at the sink', () => {
    const j = java(
      'stream orders | filter value.amount > 100 | groupByKey | windowedBy tumbling 5m grace 1m | count | toStream | to big-orders-per-5m',
    );
    expect(j).toContain('static JsonNode json(String s)');
    expect(j).toContain('    .filter((key, value) -> json(value).path("amount").asDouble() > 100)\n');
    expect(j).toContain(
      '    .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(5), Duration.ofMinutes(1)))\n',
    );
    expect(j).toContain(
      '.to("big-orders-per-5m", Produced.with(WindowedSerdes.timeWindowedSerdeFrom(String.class, 300000L), Serdes.Long()));',
    );
  });

  it('final results: suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))', () => {
    expect(
      java(
        'stream s | groupByKey | windowedBy tumbling 5s | count | suppress untilWindowCloses | toStream | to out',
      ),
    ).toContain('    .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))\n');
  });

  it('joins print JoinWindows / Joined / GlobalKTable key selectors; variables get their KStream/KTable types', () => {
    const j = java(
      'orders = stream orders\npayments = stream payments\ncustomers = table customers\norders | join payments window 5m grace 1m | to paid\norders | leftJoin customers as enrich | to enriched',
    );
    expect(j).toContain('KStream<String, String> orders = builder.stream("orders");');
    expect(j).toContain('KTable<String, String> customers = builder.table("customers");');
    expect(j).toContain(
      '.join(payments, (left, right) -> left + "+" + right, JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMinutes(5), Duration.ofMinutes(1)))',
    );
    expect(j).toContain('.leftJoin(customers, (left, right) -> left + "+" + right, Joined.as("enrich"))');
  });

  it('split prints a branch map and the named branches', () => {
    const j = java(
      'stream orders | split as order- | branch value.amount > 100 as big | defaultBranch as small\nbig | to big-orders',
    );
    expect(j).toContain(
      'Map<String, KStream<String, String>> bigBranches = builder.stream("orders")\n    .split(Named.as("order-"))',
    );
    expect(j).toContain('KStream<String, String> big = bigBranches.get("order-big");');
  });

  it('a numeric aggregate becomes a Double with its serde', () => {
    const j = java(
      'stream orders | groupByKey | aggregate 0, agg + value.amount as totals | toStream | to totals',
    );
    expect(j).toContain(
      '.aggregate(() -> 0.0, (key, value, agg) -> agg + json(value).path("amount").asDouble(), Materialized.<String, Double, KeyValueStore<Bytes, byte[]>>as("totals").withValueSerde(Serdes.Double()))',
    );
    expect(j).toContain('.to("totals", Produced.with(Serdes.String(), Serdes.Double()));');
  });

  it("an invalid program returns the builder's error instead of code", () => {
    const r = toJava('stream orders | count');
    expect(r.ok).toBe(false);
  });
});
