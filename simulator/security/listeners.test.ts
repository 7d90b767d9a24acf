// Broker listener validation, pinned to KafkaConfig#validateValues, CoreUtils#listenerListToEndPoints and
// SocketServerConfigs#listenerListToEndPoints (their exception texts).
import { describe, expect, it } from 'vitest';
import { connectionString, formatStartupError, parseBrokerListeners } from './listeners';

function error(props: Parameters<typeof parseBrokerListeners>[0]) {
  const r = parseBrokerListeners(props);
  if (r.ok) throw new Error('expected a startup error');
  return `${r.error.exception}: ${r.error.message}`;
}

describe('listeners and listener.security.protocol.map (KafkaConfig)', () => {
  it('the default is PLAINTEXT://:9092, inter-broker PLAINTEXT (SocketServerConfigs#LISTENERS_DEFAULT)', () => {
    const r = parseBrokerListeners({});
    expect(r).toMatchObject({
      ok: true,
      value: {
        listeners: [{ listenerName: 'PLAINTEXT', securityProtocol: 'PLAINTEXT', host: null, port: 9092 }],
        interBrokerListenerName: 'PLAINTEXT',
        interBrokerSecurityProtocol: 'PLAINTEXT',
      },
    });
  });

  it('named listeners map to protocols; names are upper-cased; inter.broker.listener.name picks one', () => {
    const r = parseBrokerListeners({
      listeners: 'client://0.0.0.0:9094,BROKER://10.0.0.1:9092',
      'advertised.listeners': 'CLIENT://kafka-1.example.com:9094,BROKER://10.0.0.1:9092',
      'listener.security.protocol.map': 'CLIENT:SASL_SSL,BROKER:PLAINTEXT',
      'inter.broker.listener.name': 'broker',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.listeners.map(connectionString)).toEqual([
      'CLIENT://0.0.0.0:9094',
      'BROKER://10.0.0.1:9092',
    ]);
    expect(r.value.advertised[0]).toMatchObject({
      listenerName: 'CLIENT',
      securityProtocol: 'SASL_SSL',
      host: 'kafka-1.example.com',
    });
    expect(r.value.interBrokerListenerName).toBe('BROKER');
  });

  it('a listener name with no protocol: "No security protocol defined for listener CLIENT" (SocketServerConfigs#listenerListToEndPoints)', () => {
    expect(error({ listeners: 'CLIENT://:9094' })).toBe(
      "java.lang.IllegalArgumentException: Error creating broker listeners from 'CLIENT://:9094': No security protocol defined for listener CLIENT",
    );
  });

  it('an unparsable endpoint, a bad port', () => {
    expect(error({ listeners: 'PLAINTEXT:9092' })).toBe(
      "java.lang.IllegalArgumentException: Error creating broker listeners from 'PLAINTEXT:9092': Unable to parse PLAINTEXT:9092 to a broker endpoint",
    );
    expect(error({ listeners: 'PLAINTEXT://:99999999999' })).toBe(
      'java.lang.IllegalArgumentException: Error creating broker listeners from \'PLAINTEXT://:99999999999\': For input string: "99999999999"',
    );
  });

  it('names and ports must be distinct (CoreUtils#listenerListToEndPoints)', () => {
    expect(error({ listeners: 'PLAINTEXT://:9092,PLAINTEXT://:9093' })).toBe(
      'java.lang.IllegalArgumentException: requirement failed: Each listener must have a different name, listeners: PLAINTEXT://:9092,PLAINTEXT://:9093',
    );
    expect(error({ listeners: 'PLAINTEXT://:9092,SSL://:9092' })).toBe(
      'java.lang.IllegalArgumentException: requirement failed: Each listener must have a different port, listeners: PLAINTEXT://:9092,SSL://:9092',
    );
    expect(parseBrokerListeners({ listeners: 'PLAINTEXT://127.0.0.1:9092,SSL://[::1]:9092' }).ok).toBe(true);
  });

  it('a map entry without a colon fails in Csv#parseCsvMap (String#substring(0, -1))', () => {
    expect(error({ 'listener.security.protocol.map': 'CLIENT' })).toBe(
      "java.lang.IllegalArgumentException: Error parsing configuration property 'listener.security.protocol.map': begin 0, end -1, length 6",
    );
    expect(error({ 'listener.security.protocol.map': 'CLIENT:TLS' })).toBe(
      'org.apache.kafka.common.config.ConfigException: Invalid security protocol `TLS` defined in listener.security.protocol.map',
    );
  });

  it('inter.broker.listener.name must be advertised, mapped, and not combined with security.inter.broker.protocol', () => {
    const base = {
      listeners: 'CLIENT://:9094,BROKER://:9092',
      'listener.security.protocol.map': 'CLIENT:SSL,BROKER:PLAINTEXT',
    };
    expect(error(base)).toBe(
      'java.lang.IllegalArgumentException: requirement failed: inter.broker.listener.name must be a listener name defined in advertised.listeners. The valid options based on currently configured listeners are CLIENT,BROKER',
    );
    expect(error({ ...base, 'inter.broker.listener.name': 'INTERNAL' })).toBe(
      'org.apache.kafka.common.config.ConfigException: Listener with name INTERNAL defined in inter.broker.listener.name not found in listener.security.protocol.map.',
    );
    expect(
      error({
        ...base,
        'inter.broker.listener.name': 'BROKER',
        'security.inter.broker.protocol': 'PLAINTEXT',
      }),
    ).toBe(
      'org.apache.kafka.common.config.ConfigException: Only one of inter.broker.listener.name and security.inter.broker.protocol should be set.',
    );
    expect(parseBrokerListeners({ ...base, 'inter.broker.listener.name': 'BROKER' }).ok).toBe(true);
  });

  it('0.0.0.0 cannot be advertised, including by default when advertised.listeners is unset', () => {
    expect(error({ listeners: 'PLAINTEXT://0.0.0.0:9092' })).toBe(
      'java.lang.IllegalArgumentException: requirement failed: advertised.listeners cannot use the nonroutable meta-address 0.0.0.0. Use a routable IP address.',
    );
    expect(
      parseBrokerListeners({
        listeners: 'PLAINTEXT://0.0.0.0:9092',
        'advertised.listeners': 'PLAINTEXT://kafka-1:9092',
      }).ok,
    ).toBe(true);
  });

  it('advertised listener names must be a subset of listeners', () => {
    expect(
      error({ listeners: 'PLAINTEXT://:9092', 'advertised.listeners': 'PLAINTEXT://a:9092,SSL://a:9093' }),
    ).toBe(
      'java.lang.IllegalArgumentException: requirement failed: advertised.listeners listener names must be equal to or a subset of the ones defined in listeners. Found PLAINTEXT,SSL. The valid options based on the current configuration are PLAINTEXT',
    );
  });

  it('KRaft controller listener: with an explicit map and SSL in use it must be mapped (KafkaConfig, controller.listener.names)', () => {
    expect(
      error({
        listeners: 'SSL://:9093',
        'listener.security.protocol.map': 'SSL:SSL',
        'security.inter.broker.protocol': 'SSL',
        'controller.listener.names': 'CONTROLLER',
      }),
    ).toBe(
      'org.apache.kafka.common.config.ConfigException: Controller listener with name CONTROLLER defined in controller.listener.names not found in listener.security.protocol.map  (an explicit security mapping for each controller listener is required if listener.security.protocol.map is non-empty, or if there are security protocols other than PLAINTEXT in use)',
    );
    // With the default map and only PLAINTEXT in use, CONTROLLER defaults to PLAINTEXT.
    expect(
      parseBrokerListeners({ listeners: 'PLAINTEXT://:9092', 'controller.listener.names': 'CONTROLLER' }).ok,
    ).toBe(true);
    expect(
      error({ listeners: 'PLAINTEXT://:9092,CONTROLLER://:9093', 'controller.listener.names': 'CONTROLLER' }),
    ).toContain(
      "controller.listener.names must not contain a value appearing in the 'listeners' configuration when running KRaft with just the broker role",
    );
  });

  it('the broker exits with the exception (kafka.Kafka$)', () => {
    const r = parseBrokerListeners({ listeners: 'CLIENT://:9094' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatStartupError(r.error)).toMatch(
        /^ERROR Exiting Kafka due to fatal exception \(kafka\.Kafka\$\)\njava\.lang\.IllegalArgumentException: /,
      );
  });
});
