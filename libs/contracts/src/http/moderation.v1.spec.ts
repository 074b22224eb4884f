import { ContractViolationError, parseContract } from '../validation';
import { BulkDecisionRequestV1, ReportRequestV1 } from './moderation.v1';

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

describe('ReportRequestV1', () => {
  it("removes direction overrides from a reader's note, so it cannot pose as other text", () => {
    const parsed = parseContract(ReportRequestV1, { reason: 'spam', note: 'see invoice_\u202egnp.exe' });
    expect(parsed.note).toBe('see invoice_gnp.exe');
  });
});
