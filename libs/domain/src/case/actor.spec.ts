import { isPetitionerActor, isSystemActor, PETITIONER_ACTOR, recordedActorOf, SYSTEM_ACTOR } from './actor';
import { EVENT_TYPES, isRecordedEventType, RECORDED_EVENT_TYPES } from './event-types';
import { CASE_EVENT_TYPES } from './case-events';
import { RECORDED_PETITIONER_ACTOR, RECORDED_SYSTEM_ACTOR } from './recorded-event';

describe('one actor, recorded as every stored event already holds it', () => {
  it('a staff member is stored as { id, role, unitCode } in that order, nothing more', () => {
    const handler = { userId: 'u-7', name: '王五', role: 'handler', unitCode: 'DH' } as const;
    // The exact JSON committed histories hold for the recording activity's input.
    expect(JSON.stringify(recordedActorOf(handler))).toBe('{"id":"u-7","role":"handler","unitCode":"DH"}');
  });

  it('the engine is system:engine with no unit; the petitioner is petitioner (art. 21)', () => {
    expect(JSON.stringify(recordedActorOf(SYSTEM_ACTOR))).toBe(
      '{"id":"system:engine","role":"system","unitCode":null}',
    );
    expect(recordedActorOf(SYSTEM_ACTOR)).toBe(RECORDED_SYSTEM_ACTOR);
    expect(JSON.stringify(recordedActorOf(PETITIONER_ACTOR))).toBe(
      '{"id":"petitioner","role":"petitioner","unitCode":null}',
    );
    expect(recordedActorOf({ petitioner: true, channel: 'publicQuery' })).toBe(RECORDED_PETITIONER_ACTOR);
  });

  it('tells the three kinds of actor apart', () => {
    const clerk = { userId: 'u-1', name: '张三', role: 'clerk', unitCode: 'QX' } as const;
    expect([isSystemActor(SYSTEM_ACTOR), isSystemActor(PETITIONER_ACTOR), isSystemActor(clerk)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([
      isPetitionerActor(PETITIONER_ACTOR),
      isPetitionerActor(SYSTEM_ACTOR),
      isPetitionerActor(clerk),
    ]).toEqual([true, false, false]);
  });
});

describe('event types: one list, each named once', () => {
  it('names each type by itself: EVENT_TYPES.deadlineEscalated is "deadlineEscalated"', () => {
    expect(EVENT_TYPES.deadlineEscalated).toBe('deadlineEscalated');
    expect(EVENT_TYPES.repeatVisitRecorded).toBe('repeatVisitRecorded');
    expect(EVENT_TYPES.caseRegistered).toBe(CASE_EVENT_TYPES.register);
    expect(Object.keys(EVENT_TYPES).sort()).toEqual([...RECORDED_EVENT_TYPES].sort());
    for (const [name, type] of Object.entries(EVENT_TYPES)) expect(type).toBe(name);
  });

  it('holds the 30 actions’ events and 9 engine-only ones (clockResumed is both)', () => {
    expect(RECORDED_EVENT_TYPES).toHaveLength(39);
    expect(isRecordedEventType('clockResumed')).toBe(true);
    expect(isRecordedEventType('Noted')).toBe(false);
    expect(isRecordedEventType('toString')).toBe(false);
  });
});
