/** The national policy: the Regulation's own clocks, with warnings and an escalation ladder. */
import { DEFAULT_DELIVERY_CLOCK, NATIONAL_PAUSE_REASONS, Policy } from './policy';

export const DEFAULT_POLICY_VERSION = 'national-2022';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Frozen: derive jurisdictions' policies with overridePolicy. Written as the parsed document (defaults
 * filled in) rather than parsed when the module loads: every case workflow loads this module, and a
 * unit test checks that parsing it gives it back unchanged.
 */
export const DEFAULT_POLICY: Policy = deepFreeze({
  version: DEFAULT_POLICY_VERSION,
  jurisdiction: '全国 / national',
  clocks: {
    triage: { days: 15, mode: 'calendar', warnBefore: ['P3D', 'P1D'] },
    transferNotice: { days: 15, mode: 'calendar', warnBefore: ['P3D', 'P1D'] },
    misrouteObjection: { days: 5, mode: 'working', warnBefore: ['P1D'] },
    handling: { days: 60, mode: 'calendar', warnBefore: ['P7D', 'P3D', 'P1D'] },
    // The petitioner's windows: nobody on staff is warned before they close.
    reviewRequest: { days: 30, mode: 'calendar', warnBefore: [] },
    reviewDecision: { days: 30, mode: 'calendar', warnBefore: ['P5D', 'P1D'] },
    reReviewRequest: { days: 30, mode: 'calendar', warnBefore: [] },
    reReviewDecision: { days: 30, mode: 'calendar', warnBefore: ['P5D', 'P1D'] },
    delivery: DEFAULT_DELIVERY_CLOCK,
  },
  extension: { maxDays: 30, mode: 'calendar' },
  escalationLadder: [
    { recipient: 'handler', after: 'PT0S' },
    { recipient: 'unitLeader', after: 'P1D' },
    { recipient: 'packageLeader', after: 'P3D' },
    { recipient: 'supervisionOffice', after: 'P7D' },
  ],
  pauseReasons: NATIONAL_PAUSE_REASONS,
  repeatEscalation: [
    { repeatCount: 2, recipient: 'packageLeader' },
    { repeatCount: 3, recipient: 'supervisionOffice' },
  ],
  repeatSimilarityThreshold: 0.3,
  maxCollectiveRepresentatives: 5,
} satisfies Policy);
