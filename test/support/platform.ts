import request from 'supertest';
import type { ApiClient } from './test-app.js';

export const REGISTER_CLIENT =
  'mutation($i:RegisterPlatformClientInput!){registerPlatformClient(input:$i){clientSecret signingSecret client{id clientId name regionId unionIds operations webhookUrl requestsPerMinute active}}}';

export interface Registered {
  id: number;
  clientId: string;
  clientSecret: string;
  signingSecret: string;
}

/** Registers a platform client as the admin. */
export async function registerClient(t: ApiClient, admin: string, input: Record<string, unknown>): Promise<Registered> {
  const { registerPlatformClient: r } = await t.ok(REGISTER_CLIENT, { i: input }, admin);
  return { id: r.client.id, clientId: r.client.clientId, clientSecret: r.clientSecret, signingSecret: r.signingSecret };
}

/** POST /oauth/token with HTTP Basic (or the form fields when `how` is 'form'); the raw answer. */
export function tokenRequest(url: string, clientId: string, secret: string, how: 'basic' | 'form' = 'basic', grantType = 'client_credentials') {
  const req = request(url).post('/oauth/token').type('form');
  if (how === 'basic') return req.set('authorization', `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`).send({ grant_type: grantType });
  return req.send({ grant_type: grantType, client_id: clientId, client_secret: secret });
}

/** An access token for the client (Basic), failing the test otherwise. */
export async function clientToken(url: string, c: Registered, how: 'basic' | 'form' = 'basic'): Promise<string> {
  const res = await tokenRequest(url, c.clientId, c.clientSecret, how);
  if (res.status !== 200) throw new Error(`token: ${res.status} ${res.text}`);
  return (res.body as { access_token: string }).access_token;
}
