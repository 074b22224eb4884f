import { ContractViolationError, parseContract } from '../validation';
import { SiteListQueryV1 } from './admin.v1';

describe(SiteListQueryV1.name, () => {
  it('reads the query strings "true", "false" and a number as what they say', () => {
    expect(parseContract(SiteListQueryV1, { active: 'true', limit: '2' })).toMatchObject({
      active: true,
      limit: 2,
    });
    expect(parseContract(SiteListQueryV1, { active: 'false' }).active).toBe(false);
    expect(parseContract(SiteListQueryV1, {}).active).toBeUndefined();
  });

  it('names active when it is neither true nor false', () => {
    for (const active of ['yes', '1', 'TRUE', '']) {
      try {
        parseContract(SiteListQueryV1, { active });
        throw new Error(`accepted ${JSON.stringify(active)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(ContractViolationError);
        expect((error as ContractViolationError).violations.map((v) => v.field)).toEqual(['active']);
      }
    }
  });
});
