import * as fs from 'node:fs';
import * as path from 'node:path';
import { stateDiagramMermaid } from './state-diagram';

/** The lifecycle diagram of docs/lifecycle.md is the code's transition table; neither may drift from the other. */
describe('docs/lifecycle.md lifecycle diagram', () => {
  it('is exactly what the state machine renders', () => {
    const page = fs.readFileSync(path.resolve(__dirname, '../../../../docs/lifecycle.md'), 'utf8');
    const blocks = [...page.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]!.trim());
    const lifecycle = blocks.find((block) => block.startsWith('stateDiagram-v2'));
    expect(lifecycle).toBeDefined();
    expect(lifecycle).toBe(stateDiagramMermaid().trim());
  });
});
