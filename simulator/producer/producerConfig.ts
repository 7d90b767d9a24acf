// Producer configs by their Kafka names, with 4.0 defaults and the validation KafkaProducer/ProducerConfig do
// (postProcessAndValidateIdempotenceConfigs, configureDeliveryTimeout).
import type { Acks, ProducerConfig } from './types';

export const PRODUCER_DEFAULTS: Readonly<Record<string, string>> = {
  acks: 'all',
  'enable.idempotence': 'true',
  retries: '2147483647',
  'batch.size': '16384',
  'linger.ms': '5',
  'delivery.timeout.ms': '120000',
  'request.timeout.ms': '30000',
  'max.in.flight.requests.per.connection': '5',
  'retry.backoff.ms': '100',
  'retry.backoff.max.ms': '1000',
  'partitioner.ignore.keys': 'false',
  'max.request.size': '1048576',
  'metadata.max.age.ms': '300000',
};

const KNOWN = new Set([
  ...Object.keys(PRODUCER_DEFAULTS),
  'transactional.id',
  'client.id',
  'transaction.timeout.ms',
  // ProducerConfig names accepted without a modelled effect (the simulation has no buffer pool, sockets or codecs).
  'buffer.memory',
  'max.block.ms',
  'send.buffer.bytes',
  'compression.type',
]);

const COMPRESSION_TYPES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

export type ParsedProducerConfig =
  | { ok: true; config: ProducerConfig; warnings: string[] }
  | { ok: false; message: string };

function intValue(name: string, raw: string, min: number): number | string {
  if (!/^-?\d+$/.test(raw.trim()))
    return `Invalid value ${raw} for configuration ${name}: Not a number of type INT`;
  const n = Number(raw);
  if (n < min) return `Invalid value ${raw} for configuration ${name}: Value must be at least ${min}`;
  return n;
}

function boolValue(name: string, raw: string): boolean | string {
  const v = raw.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return `Invalid value ${raw} for configuration ${name}: Expected value to be either true or false`;
}

export function parseProducerConfig(user: Record<string, string>): ParsedProducerConfig {
  const warnings: string[] = [];
  for (const k of Object.keys(user)) {
    if (!KNOWN.has(k)) warnings.push(`The configuration '${k}' was supplied but isn't a known config.`);
  }
  const get = (k: string) => user[k] ?? PRODUCER_DEFAULTS[k];
  const acksRaw = get('acks').trim();
  if (!['all', '-1', '0', '1'].includes(acksRaw))
    return {
      ok: false,
      message: `Invalid value ${acksRaw} for configuration acks: String must be one of: all, -1, 0, 1`,
    };
  // ProducerConfig: compression.type is ValidString.in(none, gzip, snappy, lz4, zstd); the simulation
  // accepts it without compressing.
  const compression = user['compression.type'];
  if (compression !== undefined && !COMPRESSION_TYPES.includes(compression.trim()))
    return {
      ok: false,
      message: `Invalid value ${compression} for configuration compression.type: String must be one of: ${COMPRESSION_TYPES.join(', ')}`,
    };
  const acks: Acks = acksRaw === '0' ? 0 : acksRaw === '1' ? 1 : 'all';
  const ints: Record<string, number> = {};
  const mins: Record<string, number> = {
    retries: 0,
    'batch.size': 0,
    'linger.ms': 0,
    'delivery.timeout.ms': 0,
    'request.timeout.ms': 0,
    'max.in.flight.requests.per.connection': 1,
    'retry.backoff.ms': 0,
    'retry.backoff.max.ms': 0,
    'max.request.size': 0,
    'metadata.max.age.ms': 0,
  };
  for (const [k, min] of Object.entries(mins)) {
    const v = intValue(k, get(k), min);
    if (typeof v === 'string') return { ok: false, message: v };
    ints[k] = v;
  }
  const idem = boolValue('enable.idempotence', get('enable.idempotence'));
  if (typeof idem === 'string') return { ok: false, message: idem };
  const ignoreKeys = boolValue('partitioner.ignore.keys', get('partitioner.ignore.keys'));
  if (typeof ignoreKeys === 'string') return { ok: false, message: ignoreKeys };
  const transactionalId = user['transactional.id']?.trim() || null;
  const userSetIdempotence = 'enable.idempotence' in user;
  let enableIdempotence = idem;
  if (transactionalId !== null && !enableIdempotence)
    return { ok: false, message: 'Cannot set a transactional.id without also enabling idempotence.' };
  if (enableIdempotence) {
    // 4.0: max.in.flight > 5 is an error even when idempotence was only defaulted.
    if (ints['max.in.flight.requests.per.connection'] > 5)
      return {
        ok: false,
        message:
          'Must set max.in.flight.requests.per.connection to at most 5 when using the idempotent producer.',
      };
    if (acks !== 'all') {
      if (userSetIdempotence || transactionalId !== null)
        return {
          ok: false,
          message:
            'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.',
        };
      enableIdempotence = false;
      warnings.push(`Idempotence will be disabled because acks is set to ${acksRaw}, not set to 'all'.`);
    } else if (ints.retries === 0) {
      if (userSetIdempotence || transactionalId !== null)
        return { ok: false, message: 'Must set retries to non-zero when using the idempotent producer.' };
      enableIdempotence = false;
      warnings.push('Idempotence will be disabled because retries is set to 0.');
    }
  }
  let deliveryTimeoutMs = ints['delivery.timeout.ms'];
  const floor = ints['linger.ms'] + ints['request.timeout.ms'];
  if (deliveryTimeoutMs < floor) {
    if ('delivery.timeout.ms' in user)
      return {
        ok: false,
        message: 'delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms',
      };
    deliveryTimeoutMs = floor;
  }
  return {
    ok: true,
    warnings,
    config: {
      acks,
      enableIdempotence,
      retries: ints.retries,
      batchSize: Math.max(1, ints['batch.size']),
      lingerMs: ints['linger.ms'],
      deliveryTimeoutMs,
      requestTimeoutMs: ints['request.timeout.ms'],
      maxInFlight: ints['max.in.flight.requests.per.connection'],
      retryBackoffMs: ints['retry.backoff.ms'],
      retryBackoffMaxMs: Math.max(ints['retry.backoff.ms'], ints['retry.backoff.max.ms']),
      transactionalId,
      partitionerIgnoreKeys: ignoreKeys,
      maxRequestSize: ints['max.request.size'],
      metadataMaxAgeMs: ints['metadata.max.age.ms'],
    },
  };
}
