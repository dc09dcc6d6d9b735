import { registerEnumType } from '@nestjs/graphql';

/** What a signed-in user is allowed to be. */
export enum Role {
  ADMIN = 'ADMIN',
  BASE_OPERATOR = 'BASE_OPERATOR',
  UNION_ORGANISER = 'UNION_ORGANISER',
  UNION_APPROVER = 'UNION_APPROVER',
  PARTNER = 'PARTNER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do: the federation admin, a base operator (one base), a union organiser (one union), a regional partner.',
  valuesMap: {
    ADMIN: { description: 'The city federation (市总工会): manages bases, unions and users, sees everything.' },
    BASE_OPERATOR: { description: 'Runs one base: beds, closed dates, packages, confirms and checks in batches.' },
    UNION_ORGANISER: { description: 'Books batches for one union.' },
    UNION_APPROVER: { description: "Approves one union's rosters before they are publicly posted (公示) and keeps its funding policy." },
    PARTNER: { description: "Acts for one region's federation in exchange agreements." },
  },
});

/** A platform client acting with an access token of the client-credentials grant (not a user role: no account has it). */
export const PLATFORM_CLIENT = 'PLATFORM_CLIENT';

/** Who is acting: a signed-in user, a platform client, or the system itself (background jobs). */
export interface Actor {
  readonly userId: number | null;
  /** A user's username; a platform client's `client:<clientId>`; "system". What history rows record as who acted. */
  readonly username: string;
  readonly role: Role | 'SYSTEM' | typeof PLATFORM_CLIENT;
  readonly baseId: number | null;
  readonly unionId: number | null;
  /** A PARTNER's region. */
  readonly regionId: number | null;
  /** A platform client: its public client id (`rrc_…`). */
  readonly clientRef?: string;
  /** A platform client: the unions it acts for (its union set, or its region's unions when it was read). */
  readonly unionIds?: readonly number[];
  /** A platform client: the root GraphQL fields (queries and mutations) it may call. */
  readonly operations?: readonly string[];
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, username: 'system', role: 'SYSTEM', baseId: null, unionId: null, regionId: null });
