import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Loaded by path (DataConverter.failureConverterPath), also inside the workflow sandbox, so it may
 * import nothing but `@temporalio/common`. Error messages and stack traces move into an encoded
 * attributes payload, which the payload codec then encrypts; the history keeps only "Encoded failure".
 * An ApplicationFailure's `type` (our stable error code) stays readable: it is never personal data.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });

/** Present in any workflow bundle built with this converter; the worker checks prebuilt bundles for it. */
export const ENCODED_FAILURES_MARKER = 'pce:encoded-failure-converter:v1';
