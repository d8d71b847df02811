import { CASE_ACTION_LABELS } from './actions';
import { CASE_STATUSES, CASE_STATUS_LABELS, FINAL_STATUSES } from './status';
import { CASE_TRANSITIONS, CaseTransition } from './transition-table';

/** One edge line as it appears in the diagram, e.g. `registered --> accepted : accept 受理`. */
export function transitionLine(transition: CaseTransition): string {
  const from = transition.from ?? '[*]';
  return `${from} --> ${transition.to} : ${transition.action} ${CASE_ACTION_LABELS[transition.action]}`;
}

/**
 * The lifecycle as a Mermaid `stateDiagram-v2`, rendered from the transition table (status changes
 * only; in-place records such as duties or instructions are listed by `IN_PLACE_ACTIONS`). docs/lifecycle.md
 * embeds this text and a test compares the two, so they cannot drift apart.
 */
export function stateDiagramMermaid(): string {
  const lines = ['stateDiagram-v2'];
  for (const status of CASE_STATUSES)
    lines.push(`  state "${CASE_STATUS_LABELS[status]} ${status}" as ${status}`);
  for (const transition of CASE_TRANSITIONS) lines.push(`  ${transitionLine(transition)}`);
  for (const status of FINAL_STATUSES) lines.push(`  ${status} --> [*]`);
  return `${lines.join('\n')}\n`;
}
