import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';

export const REQUIRED_ROLE = 'replyguard:requiredRole';

/** Needs a moderator's or an admin's bearer token. */
export const ModeratorOnly = (): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, 'moderator');

/** Needs an admin's bearer token. */
export const AdminOnly = (): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, 'admin');

/** The authenticated actor, set by the auth guard. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<{ actor: Actor }>().actor,
);
