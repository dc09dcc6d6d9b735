import { SetMetadata } from '@nestjs/common';
import { Role } from '../context/actor.js';

export const ROLES_KEY = 'rr:roles';
export const PUBLIC_KEY = 'rr:public';
export const CLIENTS_KEY = 'rr:clients';

/** Only these roles may call the operation; everyone else gets FORBIDDEN. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in user may call the operation (what they see is still scoped by the service). */
export const SignedIn = () => SetMetadata(ROLES_KEY, Object.values(Role));

/** No sign-in needed (login, the health check). Every other operation needs one of the above. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The root GraphQL fields a platform client may be granted (each still checked against the client's own list and scope). */
export const CLIENT_OPERATIONS = new Set<string>();

/**
 * A platform client may call this operation when its registration lists it (by the root field's
 * name, which must be the method's); the services scope what it reaches as for any actor.
 */
export const OpenToClients = (): MethodDecorator => (target, key, descriptor) => {
  CLIENT_OPERATIONS.add(String(key));
  SetMetadata(CLIENTS_KEY, true)(target, key, descriptor);
};
