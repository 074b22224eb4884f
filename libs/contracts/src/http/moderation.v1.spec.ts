import { ContractViolationError, parseContract } from '../validation';
import { BulkDecisionRequestV1 } from './moderation.v1';

describe(BulkDecisionRequestV1.name, () => {
  it('names the ids that are not comment ids', () => {
    const good = '0190aaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa';
    try {
      parseContract(BulkDecisionRequestV1, { ids: [good, 'abc', good, 42], action: 'approve' });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ContractViolationError);
      const text = JSON.stringify((error as ContractViolationError).violations);
      expect(text).toContain('ids');
      expect(text).toContain('not: \\"abc\\", 42');
      expect(text).not.toContain(good);
    }
  });
});
