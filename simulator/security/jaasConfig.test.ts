// sasl.jaas.config parsing (JaasConfig) and client security properties. The JAAS vectors' expected results
// were measured by running JDK 17's java.io.StreamTokenizer with JaasConfig's settings and parse loop.
import { describe, expect, it } from 'vitest';
import { formatClientConfigError, parseClientSecurityConfig } from './clientConfig';
import { loadJaasContext, parseJaasConfig } from './jaasConfig';
import { parseJavaProperties } from './javaProperties';

/** [sasl.jaas.config, result as the JDK harness printed it]. */
const JDK_VECTORS: Array<[string, string]> = [
  [
    'org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="alice-secret";',
    'OK org.apache.kafka.common.security.plain.PlainLoginModule REQUIRED password=<alice-secret> username=<alice> | ',
  ],
  [
    'org.apache.kafka.common.security.scram.ScramLoginModule required username=alice password=alice-secret;',
    'OK org.apache.kafka.common.security.scram.ScramLoginModule REQUIRED password=<alice-secret> username=<alice> | ',
  ],
  [
    'org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password=123;',
    "ERR Value not specified for key 'password' in JAAS config",
  ],
  [
    'org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="x"',
    'ERR JAAS config entry not terminated by semi-colon',
  ],
  [
    'org.apache.kafka.common.security.plain.PlainLoginModule',
    'ERR Login module control flag not specified in JAAS config',
  ],
  [
    'org.apache.kafka.common.security.plain.PlainLoginModule mandatory username="a";',
    "ERR Invalid login module control flag 'mandatory' in JAAS config",
  ],
  [
    'org.apache.kafka.common.security.plain.PlainLoginModule 5 username="a";',
    'ERR Login module control flag is not available in the JAAS config',
  ],
  ['', 'ERR Login module not specified in JAAS config'],
  ['// just a comment', 'ERR Login module not specified in JAAS config'],
  [
    '/* block */ org.apache.kafka.common.security.plain.PlainLoginModule Required user_alice="s\\"e\\tc" ;',
    'OK org.apache.kafka.common.security.plain.PlainLoginModule REQUIRED user_alice=<s"e\tc> | ',
  ],
  ['a required x="1"; b optional y="2";', 'OK a REQUIRED x=<1> | b OPTIONAL y=<2> | '],
  ['x required username=-abc;', "ERR Value not specified for key 'username' in JAAS config"],
  ['x required password="un-terminated', 'ERR JAAS config entry not terminated by semi-colon'],
  ['x required k=secret!;', "ERR Value not specified for key 'null' in JAAS config"],
  ['x required k=\'single\' j = "sp ace" ;', 'OK x REQUIRED j=<sp ace> k=<single> | '],
  ['x required k=$var_1 m=v.2;', 'OK x REQUIRED k=<$var_1> m=<v.2> | '],
  ['x required k="oct\\101\\1234\\477";', "OK x REQUIRED k=<octAS4'7> | "],
  ['x required /k=v;', 'ERR JAAS config entry not terminated by semi-colon'],
  ['x required k="v" // trailing', 'ERR JAAS config entry not terminated by semi-colon'],
  [';', 'ERR Login module control flag not specified in JAAS config'],
  ['x required k="v"\n;', 'OK x REQUIRED k=<v> | '],
  ['x required k="v" /\nfoo;', 'ERR JAAS config entry not terminated by semi-colon'],
];

function show(text: string): string {
  const r = parseJaasConfig(text);
  if (!r.ok) return `ERR ${r.error}`;
  const entry = (e: (typeof r.entries)[number]) =>
    [
      `${e.loginModule} ${e.controlFlag}`,
      ...Object.keys(e.options)
        .sort()
        .map((k) => `${k}=<${e.options[k]}>`),
    ].join(' ');
  return `OK ${r.entries.map((e) => `${entry(e)} | `).join('')}`;
}

describe('JaasConfig: StreamTokenizer words, quotes, numbers and comments, and its IllegalArgumentException texts', () => {
  it.each(JDK_VECTORS)('%j', (input, expected) => {
    expect(show(input)).toBe(expected);
  });

  it('JaasContext#load wants exactly one login module', () => {
    expect(loadJaasContext('a required; b required;')).toEqual({
      ok: false,
      error: 'JAAS config property contains 2 login modules, should be 1 module',
    });
  });
});

describe('client security properties (CommonClientConfigs, SaslConfigs, SslConfigs)', () => {
  const file = [
    'security.protocol=SASL_SSL',
    'sasl.mechanism=SCRAM-SHA-256',
    'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\',
    '    username="alice" \\',
    '    password="alice-secret";',
    'ssl.truststore.location=/var/private/ssl/client.truststore.jks',
  ].join('\n');

  it('a SASL_SSL/SCRAM client: protocol, mechanism, the JAAS login module, TLS defaults (TLSv1.3, https hostname verification)', () => {
    const r = parseClientSecurityConfig(file, 'producer');
    expect(r).toMatchObject({
      ok: true,
      value: {
        securityProtocol: 'SASL_SSL',
        saslMechanism: 'SCRAM-SHA-256',
        jaas: {
          loginModule: 'org.apache.kafka.common.security.scram.ScramLoginModule',
          options: { username: 'alice', password: 'alice-secret' },
        },
        ssl: {
          truststoreLocation: '/var/private/ssl/client.truststore.jks',
          endpointIdentificationAlgorithm: 'https',
          protocol: 'TLSv1.3',
          enabledProtocols: ['TLSv1.2', 'TLSv1.3'],
          truststoreType: 'JKS',
        },
      },
    });
  });

  it('defaults: PLAINTEXT and GSSAPI (sasl.mechanism)', () => {
    expect(parseClientSecurityConfig('', 'consumer')).toMatchObject({
      ok: true,
      value: { securityProtocol: 'PLAINTEXT', saslMechanism: 'GSSAPI', jaas: null },
    });
  });

  it('an unknown security.protocol is a ConfigException (ConfigDef.CaseInsensitiveValidString)', () => {
    const r = parseClientSecurityConfig('security.protocol=TLS', 'admin');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(formatClientConfigError(r.error)).toBe(
        'org.apache.kafka.common.config.ConfigException: Invalid value TLS for configuration security.protocol: String must be one of (case insensitive): PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL',
      );
    }
    expect(
      parseClientSecurityConfig('security.protocol=sasl_ssl\nsasl.jaas.config=a required;', 'admin'),
    ).toMatchObject({ ok: true });
  });

  it('a bad JAAS line fails the client constructor: "Failed to construct kafka producer" caused by the JaasConfig message', () => {
    const r = parseClientSecurityConfig(
      'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password=123;',
      'producer',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(formatClientConfigError(r.error)).toBe(
        "org.apache.kafka.common.KafkaException: Failed to construct kafka producer\nCaused by: java.lang.IllegalArgumentException: Value not specified for key 'password' in JAAS config",
      );
    }
  });

  it('SASL without sasl.jaas.config and without a JAAS file (JaasContext#defaultContext)', () => {
    const r = parseClientSecurityConfig('security.protocol=SASL_SSL\nsasl.mechanism=PLAIN', 'admin');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe('Failed to create new KafkaAdminClient');
      expect(r.error.cause?.message).toBe(
        "Could not find a 'KafkaClient' entry in the JAAS configuration. System property 'java.security.auth.login.config' is not set",
      );
    }
  });

  it('java.util.Properties#load: separators, continuation lines, escapes, comments (measured against JDK 17)', () => {
    const p = parseJavaProperties(
      [
        '# comment',
        'a : 1',
        'key\\ with\\ space=v\\u0041',
        'cont=x \\',
        '   y',
        '! bang',
        'empty=',
        '  spaced.key  =  spaced value  ',
        'dup=1',
        'dup=2',
      ].join('\n'),
    );
    expect(p).toEqual({
      a: '1',
      'key with space': 'vA',
      cont: 'x y',
      empty: '',
      'spaced.key': 'spaced value  ',
      dup: '2',
    });
  });
});
