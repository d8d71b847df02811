/**
 * Representatives a collective visit may choose under the national policy (art. 20: 不超过5人). A
 * jurisdiction's policy may set another number; the registration checks the policy in force.
 */
export const NATIONAL_MAX_COLLECTIVE_REPRESENTATIVES = 5;
