import { availableActions } from './available-actions';

describe('available actions', () => {
  it('offers what the status allows to the roles held', () => {
    expect(availableActions('registered', ['clerk'])).toEqual(
      expect.arrayContaining(['accept', 'transfer', 'assignDown', 'notAccept', 'withdraw']),
    );
    expect(availableActions('registered', ['clerk'])).not.toContain('defineSix');
    expect(availableActions('accepted', ['unitLeader'])).toContain('defineSix');
    expect(availableActions('accepted', ['clerk'])).not.toContain('defineSix');
    expect(availableActions('withdrawn', ['clerk', 'unitLeader'])).toEqual([]);
  });
});
