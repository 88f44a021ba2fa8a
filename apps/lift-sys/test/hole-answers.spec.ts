import { useTracedTestApp } from '../src/testing/test-app.js';

const PROMPT = 'Write a function called twice that takes an integer n and returns an integer.';
const traced = useTracedTestApp();

async function sessionWithConstraintsHole(): Promise<string> {
  const { body } = await traced.test.http().post('/api/spec-sessions', { prompt: PROMPT }).expect(201);
  expect(body.current_draft.ambiguities).toEqual(['input_constraints']);
  return body.session_id as string;
}

const answer = (id: string, text: string) =>
  traced.test.http().post(`/api/spec-sessions/${id}/holes/input_constraints/resolve`, {
    resolution_text: text,
    resolution_type: 'add_constraint',
  });

describe('answering the input constraints hole', () => {
  it('"none" resolves it, and the session can be finalized', async () => {
    const id = await sessionWithConstraintsHole();
    const { body } = await answer(id, 'none').expect(200);
    expect(body.current_draft).toMatchObject({ validation_status: 'valid', ambiguities: [] });
    expect(body.current_draft.ir.constraints).toEqual(['No input constraints']);
    await traced.test.http().post(`/api/spec-sessions/${id}/finalize`).expect(200);
  });

  it('plain language such as "inputs are non-negative integers" becomes predicates', async () => {
    const id = await sessionWithConstraintsHole();
    const { body } = await answer(id, 'Inputs are non-negative integers.').expect(200);
    expect(body.current_draft.ir.assertions).toEqual([{ predicate: 'n >= 0', rationale: 'resolved by user', holes: [] }]);
  });

  it('an answer it cannot read gets a 400 showing the accepted forms, without echoing the answer anywhere', async () => {
    const id = await sessionWithConstraintsHole();
    traced.otel.reset();
    const { body } = await answer(id, 'password=hunter2 please').expect(400);
    expect(body).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^could not read the constraints; write them like: "n > 0"/),
      accepted_forms: expect.arrayContaining(['none', 'inputs are non-negative integers', 'result must be positive']),
    });
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(JSON.stringify(traced.otel.spans().map((span) => [span.attributes, span.events, span.status]))).not.toContain(
      'hunter2',
    );
  });
});

it('understands constraints stated in the prompt: no constraints hole, and the postcondition kept', async () => {
  const { body } = await traced.test
    .http()
    .post('/api/spec-sessions', { prompt: `${PROMPT} Inputs are non-negative integers. Result must be positive.` })
    .expect(201);
  expect(body.current_draft).toMatchObject({ validation_status: 'valid', ambiguities: [] });
  expect(body.current_draft.ir.assertions.map((assertion: { predicate: string }) => assertion.predicate)).toEqual([
    'n >= 0',
    'result > 0',
  ]);
});
