import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { postJson } from './support/http';
import { createUnit, startTestStack, type TestStack } from './support/stack';
import { bearer, signIn } from './support/staff-sessions';

const NAME = '司马追踪';
const PHONE = '13966667777';

/**
 * With a collector configured, the Temporal client (in the API) and the worker's activities make
 * spans. The spans are caught in memory here: the OTLP export itself is the OpenTelemetry SDK's.
 */
describe('traces through the Temporal interceptors', () => {
  let stack: TestStack;
  const spans = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });

  beforeAll(async () => {
    trace.setGlobalTracerProvider(provider);
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = 'http://127.0.0.1:9'; // on; nothing is sent from this test
    stack = await startTestStack();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    await provider.shutdown();
  });

  it('records the API’s workflow calls and the activities they cause, without personal data', async () => {
    const unitCode = await createUnit(stack.db, '追踪测试单位');
    const clerk = await signIn(stack, unitCode, ['clerk'], '登记员');
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'visit',
        petitioner: { name: NAME, phone: PHONE },
        category: 'grievance',
        subject: '噪音扰民',
        content: '夜间施工噪音扰民，请求协调处理。',
        unitCode,
      },
      bearer(clerk),
    );
    expect(created.status).toBe(201);
    let names: string[] = [];
    for (let waited = 0; waited < 10_000; waited += 200) {
      names = spans.getFinishedSpans().map((span) => span.name);
      if (names.includes('RunActivity:recordCaseEvent')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(
      names.some((name) => /^(StartWorkflow|UpdateWithStartWorkflow|StartWorkflowUpdate):/.test(name)),
    ).toBe(true);
    expect(names).toContain('RunActivity:recordCaseEvent');
    const run = spans.getFinishedSpans().find((span) => span.name === 'RunActivity:recordCaseEvent')!;
    expect(String(run.attributes.temporalWorkflowId)).toContain(created.body.caseNumber);
    const everything = JSON.stringify(spans.getFinishedSpans().map((span) => [span.name, span.attributes]));
    for (const secret of [NAME, PHONE, clerk.token]) expect(everything).not.toContain(secret);
  });
});
