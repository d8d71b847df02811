import { stateDiagramMermaid, transitionLine } from './state-diagram';
import { CASE_STATUSES, CASE_STATUS_LABELS } from './status';
import { CASE_TRANSITIONS } from './transition-table';

describe('the Mermaid state diagram', () => {
  const diagram = stateDiagramMermaid();
  const lines = diagram.split('\n').map((line) => line.trim());

  it('is a stateDiagram-v2', () => {
    expect(lines[0]).toBe('stateDiagram-v2');
  });

  it('names every status with its Chinese label', () => {
    for (const status of CASE_STATUSES)
      expect(lines).toContain(`state "${CASE_STATUS_LABELS[status]} ${status}" as ${status}`);
  });

  it('contains every transition of the table, and no other edge', () => {
    for (const transition of CASE_TRANSITIONS) expect(lines).toContain(transitionLine(transition));
    const edges = lines.filter((line) => line.includes('-->') && !line.endsWith('--> [*]'));
    expect(edges).toHaveLength(CASE_TRANSITIONS.length);
  });

  it('renders the start as [*]', () => {
    expect(lines).toContain('[*] --> registered : register 登记');
    expect(lines).toContain('concluded --> [*]');
  });
});
