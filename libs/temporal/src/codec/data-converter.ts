import { type DataConverter } from '@temporalio/common';
import * as fs from 'node:fs';
import { type AppConfig, ConfigError } from '../../../config/src';
import { EncryptionCodec } from './encryption-codec';
import { ENCODED_FAILURES_MARKER } from './failure-converter';
import { type PayloadKeySource } from './key-ring';
import { loadPayloadKeySource } from './key-ring-file-follower';

/**
 * The failure converter module, by path: the worker loads it for activities and the workflow bundler
 * compiles it into the sandbox (pass it to `bundleWorkflowCode` too when prebuilding a bundle).
 */
export const FAILURE_CONVERTER_PATH: string = require.resolve('./failure-converter');

/**
 * What client and worker both use: every payload (inputs, results, Update and Signal arguments, activity
 * arguments and results, memos, failure details, failure messages and stack traces) is encrypted.
 */
export function encryptingDataConverter(ring: PayloadKeySource): DataConverter {
  return { failureConverterPath: FAILURE_CONVERTER_PATH, payloadCodecs: [new EncryptionCodec(ring)] };
}

/**
 * The encrypting data converter with the configured keys (a key file is followed: rotations need no
 * restart); refuses (ConfigError) when none are configured.
 */
export function dataConverterFromConfig(
  config: Pick<AppConfig, 'PAYLOAD_KEYS' | 'PAYLOAD_KEYS_FILE'>,
): DataConverter {
  return encryptingDataConverter(loadPayloadKeySource(config));
}

/**
 * A prebuilt workflow bundle must have been built with our failure converter, or workflow failure
 * messages would reach the history in plain text. Throws a one-line ConfigError otherwise.
 */
export function assertBundleEncodesFailures(codePath: string, variable = 'WORKFLOW_BUNDLE_PATH'): void {
  let code: string;
  try {
    code = fs.readFileSync(codePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(
      `配置错误 / invalid configuration: ${variable}: cannot read ${codePath} (${reason})`,
    );
  }
  if (!code.includes(ENCODED_FAILURES_MARKER)) {
    throw new ConfigError(
      `配置错误 / invalid configuration: ${variable}: ${codePath} was bundled without failureConverterPath (FAILURE_CONVERTER_PATH); failure messages would be stored in plain text`,
    );
  }
}
