// The TLS handshake as the checks each side makes (SslTransportLayer over the JDK's SSLEngine): the client
// trusts the broker's issuer and, with ssl.endpoint.identification.algorithm=https, finds the host it dialled
// in the certificate; with ssl.client.auth the broker asks for and checks the client's certificate.
// No keys are exchanged: certificates are records.

import { type ConnectionAttempt, type HandshakeStep, hostnameMatches, rfc2253 } from './handshake';

export function tlsHandshake(
  a: ConnectionAttempt,
  steps: HandshakeStep[],
): { ok: true; clientDn: string | null } | { ok: false; why: string } {
  const ssl = a.client.ssl;
  const listener = a.broker.perListener[a.endpoint.listenerName];
  const clientAuth = listener?.sslClientAuth ?? 'none';
  const stores = a.pki.stores;
  steps.push({
    from: 'client',
    message: 'ClientHello',
    detail: `TLS versions ${ssl.enabledProtocols.join(', ')} (ssl.enabled.protocols), cipher suites, a random`,
  });
  const brokerKs = a.broker.keystoreLocation ? stores[a.broker.keystoreLocation] : undefined;
  if (brokerKs?.kind !== 'keystore') {
    steps.push({
      from: 'broker',
      message: 'handshake_failure',
      detail: 'the broker has no certificate (ssl.keystore.location)',
    });
    return { ok: false, why: 'the broker has no keystore for its TLS listener' };
  }
  const cert = brokerKs.certificate;
  steps.push({
    from: 'broker',
    message: `ServerHello, Certificate${clientAuth !== 'none' ? ', CertificateRequest' : ''}, Finished`,
    detail: `TLSv1.3; certificate ${cert.subject} issued by ${cert.issuer}${clientAuth !== 'none' ? `; asks for the client's certificate (ssl.client.auth=${clientAuth})` : ''}`,
  });
  const ts = ssl.truststoreLocation ? stores[ssl.truststoreLocation] : undefined;
  const trusted = ts?.kind === 'truststore' && ts.trustedIssuers.includes(cert.issuer);
  steps.push({
    from: 'broker',
    message: 'certificate check',
    detail: ssl.truststoreLocation
      ? `client truststore ${ssl.truststoreLocation}`
      : 'no ssl.truststore.location: the JVM default CAs',
    check: { by: 'client', what: `is ${cert.issuer} a CA in the client's truststore?`, ok: trusted },
  });
  if (!trusted)
    return { ok: false, why: `the client does not trust ${cert.issuer} (PKIX path building failed)` };
  if (ssl.endpointIdentificationAlgorithm.toLowerCase() === 'https') {
    const ok = hostnameMatches(cert, a.dialledHost);
    steps.push({
      from: 'broker',
      message: 'hostname verification',
      detail: `ssl.endpoint.identification.algorithm=https; names in the certificate: ${(cert.subjectAltNames.length ? cert.subjectAltNames : [cert.subject]).join(', ')}`,
      check: { by: 'client', what: `does the certificate name ${a.dialledHost}?`, ok },
    });
    if (!ok) return { ok: false, why: `No subject alternative DNS name matching ${a.dialledHost} found.` };
  }
  let clientDn: string | null = null;
  if (clientAuth !== 'none') {
    const ks = ssl.keystoreLocation ? stores[ssl.keystoreLocation] : undefined;
    if (ks?.kind !== 'keystore') {
      steps.push({
        from: 'client',
        message: 'Certificate (empty), Finished',
        detail: 'the client has no keystore',
        check: {
          by: 'broker',
          what: `ssl.client.auth=${clientAuth}: a client certificate is ${clientAuth === 'required' ? 'required' : 'optional'}`,
          ok: clientAuth === 'requested',
        },
      });
      if (clientAuth === 'required')
        return {
          ok: false,
          why: 'the broker requires a client certificate (ssl.client.auth=required) and got none',
        };
    } else {
      const brokerTs = a.broker.truststoreLocation ? stores[a.broker.truststoreLocation] : undefined;
      const ok = brokerTs?.kind === 'truststore' && brokerTs.trustedIssuers.includes(ks.certificate.issuer);
      steps.push({
        from: 'client',
        message: 'Certificate, CertificateVerify, Finished',
        detail: `client certificate ${ks.certificate.subject} issued by ${ks.certificate.issuer}`,
        check: { by: 'broker', what: `is ${ks.certificate.issuer} a CA in the broker's truststore?`, ok },
      });
      if (!ok)
        return {
          ok: false,
          why: `the broker does not trust the client certificate's issuer ${ks.certificate.issuer}`,
        };
      clientDn = rfc2253(ks.certificate.subject);
    }
  } else
    steps.push({
      from: 'client',
      message: 'Finished',
      detail: 'keys agreed; the channel is encrypted from here',
    });
  return { ok: true, clientDn };
}
