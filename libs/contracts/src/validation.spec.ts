import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Min } from 'class-validator';
import { CreateBanRequestV1 } from './http/moderation.v1';
import { SubmitCommentRequestV1 } from './http/submit-comment.v1';
import { ContractViolationError, parseContract } from './validation';

class Decision {
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @IsIn(['approve', 'reject'])
  action!: string;

  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  name!: string;

  @IsOptional()
  @IsString()
  note?: string;
}

function violations(value: object): ContractViolationError['violations'] {
  try {
    parseContract(Decision, value);
  } catch (error) {
    if (error instanceof ContractViolationError) return error.violations;
    throw error;
  }
  throw new Error('expected a violation');
}

describe(parseContract.name, () => {
  it('says first that a field left out is required, then the rules it breaks', () => {
    expect(violations({ action: 'approve', name: 'Ann' })).toEqual([
      {
        field: 'expectedVersion',
        rules: ['isDefined', 'min', 'isInt'],
        messages: [
          'expectedVersion is required',
          expect.stringContaining('not be less than 1'),
          expect.any(String),
        ],
      },
    ]);
    expect(violations({ expectedVersion: 2, name: 'Ann' })[0]).toMatchObject({
      field: 'action',
      rules: ['isDefined', 'isIn'],
      messages: ['action is required', expect.stringContaining('must be one of')],
    });
  });

  it('does not say it twice when a rule of the field says so, nor for a field given a bad value', () => {
    const name = violations({ expectedVersion: 1, action: 'approve' })[0];
    expect(name.field).toBe('name');
    expect(name.messages.filter((m) => m === 'name is required')).toHaveLength(1);
    expect(name.rules).not.toContain('isDefined');
    expect(violations({ expectedVersion: 0, action: 'approve', name: 'Ann' })[0]).toMatchObject({
      field: 'expectedVersion',
      rules: ['min'],
    });
  });

  it('says first that a field left out is required when a rule of its own says so after others', () => {
    // A submission's authorName, authorEmail and content: "must be a string" came first.
    let found: ContractViolationError['violations'] = [];
    try {
      parseContract(SubmitCommentRequestV1, { siteId: 'default', articleId: 'a-1' });
    } catch (error) {
      if (!(error instanceof ContractViolationError)) throw error;
      found = error.violations;
    }
    expect(found.map((v) => v.field)).toEqual(['authorName', 'authorEmail', 'content']);
    for (const v of found) {
      expect(v.messages[0]).toBe(`${v.field} is required`);
      expect(v.rules[0]).toBe('isNotEmpty');
      expect(v.messages.filter((m) => m.endsWith('is required'))).toHaveLength(1);
      expect(v.rules).toHaveLength(v.messages.length);
    }
  });
});

describe('a ban request', () => {
  const ban = (reason: unknown) => ({ siteId: 'news', domain: 'spam.example', reason });

  it('needs a reason that says something, trimmed', () => {
    for (const blank of ['', '   ', '\n\t']) {
      let caught: unknown;
      try {
        parseContract(CreateBanRequestV1, ban(blank));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ContractViolationError);
      expect((caught as ContractViolationError).violations).toEqual([
        {
          field: 'reason',
          rules: ['isNotEmpty'],
          messages: ['reason must not be blank: say why, for the moderators who meet the ban later'],
        },
      ]);
    }
    expect(parseContract(CreateBanRequestV1, ban('  link farm  ')).reason).toBe('link farm');
  });
});
