import { DomainException, ErrorCode } from '@app/shared';
import { inputNaming, PARTICIPANTS_INPUT, UPDATE_INPUT } from './list-problem.js';

describe('list problems as one DomainException', () => {
  it('names a GraphQL input by its path: the first problem on `field`, all of them in `problems`', () => {
    const error = PARTICIPANTS_INPUT.refuse(
      [
        { index: 1, field: 'idNumber', message: 'bad check digit' },
        { index: 3, field: 'idNumber', message: 'the same person as an earlier entry', sameAs: 1 },
        { index: 4, field: null, message: 'is empty' },
      ],
      null,
    );
    expect(error).toBeInstanceOf(DomainException);
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.message).toBe('participants.1.idNumber: bad check digit (and 2 more in extensions.problems)');
    expect(error.details).toEqual({
      field: 'participants.1.idNumber',
      problems: [
        { field: 'participants.1.idNumber', message: 'bad check digit' },
        { field: 'participants.3.idNumber', message: 'the same person as participants.1' },
        { field: 'participants.4', message: 'is empty' },
      ],
    });
    expect(UPDATE_INPUT.refuse([{ index: 0, field: 'phone', message: 'is required' }], null).details).toEqual({ field: 'input.phone', problems: [{ field: 'input.phone', message: 'is required' }] });
    expect(inputNaming((i) => `p.${i}`).field(2, 'room')).toBe('p.2.room');
  });

  it('puts a problem of the whole list first and lends it its details', () => {
    const tooMany = DomainException.badInput('file', 'The file lists 4 people and batch B-1 is for 3.', { headcount: 3, participantCount: 0 });
    const error = DomainException.listProblems('file', '2 rows have errors; nothing was imported', [{ row: 4, column: '手机号', message: 'is required' }], { key: 'rows', listProblem: tooMany });
    expect(error.message).toBe('The file lists 4 people and batch B-1 is for 3. Also, 2 rows have errors; nothing was imported');
    expect(error.details).toEqual({ field: 'file', headcount: 3, participantCount: 0, rows: [{ row: 4, column: '手机号', message: 'is required' }] });
  });
});
