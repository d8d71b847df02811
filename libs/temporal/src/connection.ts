import * as fs from 'node:fs';
import { type TLSConfig } from '@temporalio/client';
import { type AppConfig } from '../../config/src';

export interface TemporalConnectionSettings {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
}

/** Connection settings for an external cluster (TLS, mTLS, API key) or the embedded dev server; fit for client and worker. */
export function temporalConnectionOptions(config: AppConfig, address: string): TemporalConnectionSettings {
  const wantsTls =
    config.TEMPORAL_TLS || Boolean(config.TEMPORAL_TLS_CERT_PATH) || Boolean(config.TEMPORAL_API_KEY);
  const options: TemporalConnectionSettings = { address };
  if (wantsTls) {
    options.tls = {
      serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME,
      serverRootCACertificate: config.TEMPORAL_TLS_CA_PATH
        ? fs.readFileSync(config.TEMPORAL_TLS_CA_PATH)
        : undefined,
      clientCertPair:
        config.TEMPORAL_TLS_CERT_PATH && config.TEMPORAL_TLS_KEY_PATH
          ? {
              crt: fs.readFileSync(config.TEMPORAL_TLS_CERT_PATH),
              key: fs.readFileSync(config.TEMPORAL_TLS_KEY_PATH),
            }
          : undefined,
    };
  }
  if (config.TEMPORAL_API_KEY) options.apiKey = config.TEMPORAL_API_KEY;
  return options;
}

export function requireTemporalAddress(config: AppConfig): string {
  if (!config.TEMPORAL_ADDRESS) {
    throw new Error(
      '配置错误 / invalid configuration: TEMPORAL_ADDRESS is required for this app (npm start sets it)',
    );
  }
  return config.TEMPORAL_ADDRESS;
}
