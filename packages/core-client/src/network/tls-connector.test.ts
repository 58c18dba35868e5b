import { describe, expect, it } from 'vitest';
import { TlsError } from '../errors/hazelcast-error';
import { describeTlsError } from './tls-connector';

const address = { host: '10.1.2.3', port: 5701 };
const failure = (code: string, message = 'openssl says no') => Object.assign(new Error(message), { code });

describe('describeTlsError', () => {
  it.each([
    ['CERT_HAS_EXPIRED', /certificate has expired/],
    ['CERT_NOT_YET_VALID', /not valid yet/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /hostname mismatch: .*"10\.1\.2\.3".*servername/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /not signed by a trusted CA.*sslOptions\.ca/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /not signed by a trusted CA/],
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', /refused the client's certificate \(mutual TLS\)/],
    ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', /refused the client's certificate/],
    ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', /no TLS version suits both sides/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', /did not answer with TLS/],
    ['ERR_OSSL_BAD_DECRYPT', /passphrase/],
    ['ERR_SSL_SOMETHING_NEW', /the TLS handshake failed/],
  ])('%s becomes a TlsError that names the cause', (code, message) => {
    const error = describeTlsError(failure(code), address);
    expect(error).toBeInstanceOf(TlsError);
    expect(error.message).toMatch(/^TLS connection to 10\.1\.2\.3:5701 failed: /);
    expect(error.message).toMatch(message);
    expect((error as TlsError).code).toBe(code);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('leaves errors that retrying may fix alone', () => {
    const reset = failure('ECONNRESET');
    expect(describeTlsError(reset, address)).toBe(reset);
    const plain = new Error('no code');
    expect(describeTlsError(plain, address)).toBe(plain);
  });
});
