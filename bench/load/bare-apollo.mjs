// The raw reference for GraphQL reads: a bare @apollo/server (its standalone HTTP server, production
// settings: NODE_ENV=production, no cache-control plugin, no landing page) with the same
// `availability` shape as the API's, answered by one SQL query over a mysql2 pool, and `__typename`.
//
//   PORT=… DATABASE_URL=mysql://…/db node bench/load/bare-apollo.mjs
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10, dateStrings: true });
const typeDefs = `#graphql
  type Base { id: Int! name: String! }
  type CapacityDay { date: String! availableBeds: Int! closed: Boolean! }
  type BaseAvailability { base: Base! nights: [CapacityDay!]! minAvailableBeds: Int! fits: Boolean! }
  type Query { availability(from: String!, to: String!, headcount: Int!): [BaseAvailability!]! }
`;

function eachDay(from, to) {
  const days = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
}

const resolvers = {
  Query: {
    availability: async (_, { from, to, headcount }) => {
      const [rows] = await pool.query(
        'SELECT b.id, b.name, c.night, c.totalBeds, c.reservedBeds, c.closed FROM base b LEFT JOIN capacity_night c ON c.baseId = b.id AND c.night BETWEEN ? AND ? ORDER BY b.id',
        [from, to],
      );
      const bases = new Map();
      for (const r of rows) {
        let b = bases.get(r.id);
        if (!b) bases.set(r.id, (b = { base: { id: r.id, name: r.name }, byNight: new Map() }));
        if (r.night) b.byNight.set(r.night, r);
      }
      const days = eachDay(from, to);
      return [...bases.values()].map(({ base, byNight }) => {
        const nights = days.map((date) => {
          const r = byNight.get(date);
          return { date, availableBeds: !r || r.closed ? 0 : Math.max(0, r.totalBeds - r.reservedBeds), closed: !!r?.closed };
        });
        const minAvailableBeds = Math.min(...nights.map((n) => n.availableBeds));
        return { base, nights, minAvailableBeds, fits: minAvailableBeds >= headcount };
      });
    },
  },
};

const server = new ApolloServer({ typeDefs, resolvers, plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()] });
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
process.stdout.write(`ready ${url}\n`);
