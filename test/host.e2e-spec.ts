import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { type BuiltServer, ensureBuilt, startBuiltServer } from './support/built-server.js';
import { DB_KIND } from './support/test-app.js';

/** This machine's first address other than loopback, if it has one. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

function reach(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

// Without a network address besides loopback there is nothing to tell apart.
(outside ? describe : describe.skip)(`HOST: the address the built server binds (${DB_KIND})`, () => {
  let server: BuiltServer;
  beforeAll(() => ensureBuilt());
  afterEach(() => server?.stop());

  it('binds 127.0.0.1 by default: reachable on loopback only', async () => {
    server = await startBuiltServer();
    expect(await reach('127.0.0.1', server.port)).toBe('connected');
    expect(await reach(outside!, server.port)).toBe('ECONNREFUSED');
    expect(server.output()).toContain(`GraphQL at http://127.0.0.1:${server.port}/graphql`);
  });

  it('binds every address with HOST=0.0.0.0, as the Dockerfile sets', async () => {
    server = await startBuiltServer({ HOST: '0.0.0.0' });
    expect(await reach(outside!, server.port)).toBe('connected');
  });
});
