import { PayloadKeyRing } from './key-ring';

/**
 * TEST ONLY — never use in a deployment. A fixed, public key ring, so tests and committed replay
 * fixtures (histories exported by tests) decrypt the same way on every machine.
 */
export const TEST_PAYLOAD_KEY_RING_JSON = Object.freeze({
  activeKeyId: 'test-only-2026',
  keys: Object.freeze({
    'test-only-2026': Buffer.from('pce-test-only-payload-key-2026!!').toString('base64'),
  }),
});

/** TEST ONLY: the ring of TEST_PAYLOAD_KEY_RING_JSON. */
export const TEST_PAYLOAD_KEY_RING: PayloadKeyRing = PayloadKeyRing.fromJson({
  activeKeyId: TEST_PAYLOAD_KEY_RING_JSON.activeKeyId,
  keys: { ...TEST_PAYLOAD_KEY_RING_JSON.keys },
});
