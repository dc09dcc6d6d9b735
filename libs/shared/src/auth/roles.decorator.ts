import { SetMetadata } from '@nestjs/common';
import { Role } from '../context/actor.js';

export const ROLES_KEY = 'rr:roles';
export const PUBLIC_KEY = 'rr:public';

/** Only these roles may call the operation; everyone else gets FORBIDDEN. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in user may call the operation (what they see is still scoped by the service). */
export const SignedIn = () => SetMetadata(ROLES_KEY, Object.values(Role));

/** No sign-in needed (login, the health check). Every other operation needs one of the above. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
