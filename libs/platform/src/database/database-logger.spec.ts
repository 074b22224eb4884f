import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { DatabaseLogger } from './database-logger';

describe('DatabaseLogger', () => {
  it("logs a failed query's text, code and message, never its parameters", () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const error = Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
      // TypeORM passes the parameters; the logger must not use them.
      const logger: TypeOrmLogger = new DatabaseLogger();
      logger.logQueryError(error, 'SELECT * FROM moderation.comments WHERE id = $1', [
        'Pat Reader wrote this',
      ]);
      expect(warn).toHaveBeenCalledTimes(1);
      const [fields, message] = warn.mock.calls[0] as [Record<string, unknown>, string];
      expect(message).toBe('query failed');
      expect(fields).toEqual({
        code: '22P02',
        message: 'invalid input syntax for type uuid',
        query: 'SELECT * FROM moderation.comments WHERE id = $1',
      });
      expect(JSON.stringify(warn.mock.calls)).not.toContain('Pat Reader');
    } finally {
      warn.mockRestore();
    }
  });
});
