import { User } from './user/user.entity.js';

export { AuthModule } from './auth.module.js';
export { AuthService, type ClientActorLookup, type ClientTokenClaims } from './login/auth.service.js';
export { UserService } from './user/user.service.js';
export { User } from './user/user.entity.js';

export const AUTH_ENTITIES = [User];
