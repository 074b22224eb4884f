import { type ArgumentsHost, Catch, Injectable } from '@nestjs/common';
import { HttpErrorFilter } from '@replyguard/platform';
import { SubmissionMetrics } from '../submission-metrics';

/** The shared HTTP error answers, counting each refused submission by its reason first. */
@Injectable()
@Catch()
export class SubmissionRefusedFilter extends HttpErrorFilter {
  constructor(private readonly metrics: SubmissionMetrics) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    this.metrics.refused(exception);
    super.catch(exception, host);
  }
}
