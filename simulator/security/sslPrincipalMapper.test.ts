// ssl.principal.mapping.rules, pinned with SslPrincipalMapperTest's vectors (clients module).
import { describe, expect, it } from 'vitest';
import { mapperToString, mapSslPrincipal, parseSslPrincipalMappingRules } from './sslPrincipalMapper';

function rules(text: string) {
  const r = parseSslPrincipalMappingRules(text);
  if (!r.ok) throw new Error(r.error);
  return r.rules;
}

describe('SslPrincipalMapper rules (SslPrincipalMapperTest)', () => {
  it.each([
    'DEFAULT',
    'RULE:^CN=(.*?),OU=ServiceUsers.*$/$1/',
    'RULE:^CN=(.*?),OU=ServiceUsers.*$/$1/L, DEFAULT',
    'RULE:^CN=(.*?),OU=(.*?),O=(.*?),L=(.*?),ST=(.*?),C=(.*?)$/$1@$2/',
    'RULE:^.*[Cc][Nn]=([a-zA-Z0-9.]*).*$/$1/L',
    'RULE:^cn=(.?),ou=(.?),dc=(.?),dc=(.?)$/$1@$2/U',
    'RULE:^CN=([^,ADEFLTU,]+)(,.*|$)/$1/',
    'RULE:^CN=([^,DEFAULT,]+)(,.*|$)/$1/',
  ])('valid: %s (testValidRules)', (text) => {
    expect(parseSslPrincipalMappingRules(text).ok).toBe(true);
  });

  it.each([
    ['default', 'Invalid rule: `default`, unmatched substring: `default`'],
    ['DEFAUL', 'Invalid rule: `DEFAUL`, unmatched substring: `DEFAUL`'],
    ['DEFAULT/L', 'Invalid rule: `DEFAULT/L`, unmatched substring: `/L`'],
    ['DEFAULT/U', 'Invalid rule: `DEFAULT/U`, unmatched substring: `/U`'],
    [
      'RULE:CN=(.*?),OU=ServiceUsers.*/$1',
      'Invalid rule: `RULE:CN=(.*?)`, unmatched substring: `RULE:CN=(.*?)`',
    ],
    [
      'rule:^CN=(.*?),OU=ServiceUsers.*$/$1/',
      'Invalid rule: `rule:^CN=(.*?)`, unmatched substring: `rule:^CN=(.*?)`',
    ],
    [
      'RULE:^CN=(.*?),OU=ServiceUsers.*$/$1/L/U',
      'Invalid rule: `RULE:^CN=(.*?),OU=ServiceUsers.*$/$1/L/U`, unmatched substring: `/U`',
    ],
    [
      'RULE:^CN=(.*?),OU=ServiceUsers.*$/L',
      'Invalid rule: `RULE:^CN=(.*?)`, unmatched substring: `RULE:^CN=(.*?)`',
    ],
    [
      'RULE:^CN=(.*?),OU=ServiceUsers.*$/U',
      'Invalid rule: `RULE:^CN=(.*?)`, unmatched substring: `RULE:^CN=(.*?)`',
    ],
    [
      'RULE:^CN=(.*?),OU=ServiceUsers.*$/LU',
      'Invalid rule: `RULE:^CN=(.*?)`, unmatched substring: `RULE:^CN=(.*?)`',
    ],
  ])('invalid: %s (testInvalidRules; messages measured with java.util.regex)', (text, message) => {
    expect(parseSslPrincipalMappingRules(text)).toEqual({ ok: false, error: message });
  });

  it('maps DNs with the first matching rule, lower/upper-casing; DEFAULT keeps the DN (testSslPrincipalMapper)', () => {
    const r = rules(
      [
        'RULE:^CN=(.*?),OU=ServiceUsers.*$/$1/L',
        'RULE:^CN=(.*?),OU=(.*?),O=(.*?),L=(.*?),ST=(.*?),C=(.*?)$/$1@$2/L',
        'RULE:^cn=(.*?),ou=(.*?),dc=(.*?),dc=(.*?)$/$1@$2/U',
        'RULE:^.*[Cc][Nn]=([a-zA-Z0-9.]*).*$/$1/U',
        'DEFAULT',
      ].join(', '),
    );
    const name = (dn: string) => mapSslPrincipal(r, dn);
    expect(name('CN=Duke,OU=ServiceUsers,O=Org,C=US')).toEqual({ ok: true, name: 'duke' });
    expect(name('CN=Duke,OU=SME,O=mycp,L=Fulton,ST=MD,C=US')).toEqual({ ok: true, name: 'duke@sme' });
    expect(name('cn=duke,ou=sme,dc=mycp,dc=com')).toEqual({ ok: true, name: 'DUKE@SME' });
    expect(name('cN=duke,OU=JavaSoft,O=Sun Microsystems')).toEqual({ ok: true, name: 'DUKE' });
    expect(name('OU=JavaSoft,O=Sun Microsystems,C=US')).toEqual({
      ok: true,
      name: 'OU=JavaSoft,O=Sun Microsystems,C=US',
    });
  });

  it.each([
    ['[]', ''],
    ['[DEFAULT]', 'DEFAULT'],
    ['[RULE:/]', 'RULE://'],
    ['[RULE:/.*]', 'RULE:/.*/'],
    ['[RULE:/.*/L]', 'RULE:/.*/L'],
    ['[RULE:/, DEFAULT]', 'RULE://,DEFAULT'],
    ['[RULE:/, DEFAULT]', '  RULE:// ,  DEFAULT  '],
    ['[RULE:   /     , DEFAULT]', '  RULE:   /     / ,  DEFAULT  '],
    ['[RULE:  /     /U, DEFAULT]', '  RULE:  /     /U   ,DEFAULT  '],
    [
      '[RULE:([A-Z]*)/$1/U, RULE:([a-z]+)/$1, DEFAULT]',
      '  RULE:([A-Z]*)/$1/U   ,RULE:([a-z]+)/$1/,   DEFAULT  ',
    ],
    ['[]', ',   , , ,      , , ,   '],
    ['[RULE:/, DEFAULT]', ',,RULE://,,,DEFAULT,,'],
    ['[RULE: /   , DEFAULT]', ',  , RULE: /   /    ,,,   DEFAULT, ,   '],
    ['[RULE:   /  /U, DEFAULT]', '     ,  , RULE:   /  /U    ,,  ,DEFAULT, ,'],
    ['[RULE:\\/\\\\\\(\\)\\n\\t/\\/\\/]', 'RULE:\\/\\\\\\(\\)\\n\\t/\\/\\//'],
    ['[RULE:\\**\\/+/*/L, RULE:\\/*\\**/**]', 'RULE:\\**\\/+/*/L,RULE:\\/*\\**/**/'],
    [
      '[RULE:,RULE:,/,RULE:,\\//U, RULE:,/RULE:,, RULE:,RULE:,/L,RULE:,/L, RULE:, DEFAULT, /DEFAULT, DEFAULT]',
      'RULE:,RULE:,/,RULE:,\\//U,RULE:,/RULE:,/,RULE:,RULE:,/L,RULE:,/L,RULE:, DEFAULT, /DEFAULT/,DEFAULT',
    ],
  ])('splits into %s (testRulesSplitting: %j)', (expected, text) => {
    expect(mapperToString(rules(text))).toBe(`SslPrincipalMapper(rules = ${expected})`);
  });

  it('escaped commas inside a CN (testCommaWithWhitespace)', () => {
    expect(
      mapSslPrincipal(
        rules('RULE:^CN=((\\\\, *|\\w)+)(,.*|$)/$1/,DEFAULT'),
        'CN=Tkac\\, Adam,OU=ITZ,DC=geodis,DC=cz',
      ),
    ).toEqual({
      ok: true,
      name: 'Tkac\\, Adam',
    });
  });

  it('no rule applies: DefaultKafkaPrincipalBuilder fails with "Failed to map name for …"', () => {
    expect(mapSslPrincipal(rules('RULE:^CN=(.*?),OU=Apps$/$1/'), 'CN=x,OU=Other')).toEqual({
      ok: false,
      error: "Failed to map name for 'CN=x,OU=Other' based on SSL principal mapping rules.",
      cause: 'No rules apply to CN=x,OU=Other, rules [RULE:^CN=(.*?),OU=Apps$/$1]',
    });
  });

  it('a back reference beyond the group count stays literal (Rule#escapeLiteralBackReferences)', () => {
    expect(mapSslPrincipal(rules('RULE:^CN=(.*?),OU=(.*?)$/$1@$3/'), 'CN=a,OU=b')).toEqual({
      ok: true,
      name: 'a@$3',
    });
    expect(mapSslPrincipal(rules('RULE:^CN=(.*?),OU=(.*?)$/$12/'), 'CN=a,OU=b')).toEqual({
      ok: true,
      name: 'a2',
    });
  });
});
