import type { QueryRunner } from 'typeorm';

/**
 * The regions the product starts with: 云浮 and the Greater Bay Area's nine mainland cities, Hong
 * Kong and Macau, each with its federation union. Reference data, so it ships with the schema.
 */
export const STANDARD_REGIONS: ReadonlyArray<readonly [code: string, name: string, federation: string]> = [
  ['YF', '云浮', '云浮市总工会'],
  ['GZ', '广州', '广州市总工会'],
  ['SZ', '深圳', '深圳市总工会'],
  ['ZH', '珠海', '珠海市总工会'],
  ['FS', '佛山', '佛山市总工会'],
  ['HZ', '惠州', '惠州市总工会'],
  ['DG', '东莞', '东莞市总工会'],
  ['ZS', '中山', '中山市总工会'],
  ['JM', '江门', '江门市总工会'],
  ['ZQ', '肇庆', '肇庆市总工会'],
  ['HK', '香港', '香港工会联合会'],
  ['MO', '澳门', '澳门工会联合总会'],
];

/**
 * Seeds the standard regions and gives every existing row one: a union by its city (a city with no
 * region gets one of its own), a base to 云浮 (the seven bases the product began with), a batch the
 * regions of its union and base. Written for both drivers (plain `?` placeholders).
 */
export async function seedRegions(q: QueryRunner): Promise<void> {
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
  // Names compared as MySQL's default collation would (case and trailing spaces aside), and without 市.
  const norm = (name: string) => name.trim().toLowerCase().replace(/市$/, '');
  const regionOf = new Map<string, number>();
  const one = async (sql: string, params: unknown[]) => ((await q.query(sql, params)) as Array<{ id: number }>)[0]?.id;
  const addRegion = async (code: string, name: string, federation: string) => {
    await q.query('INSERT INTO region (code, name, federationUnionId, createdAt) VALUES (?, ?, 0, ?)', [code, name, now]);
    const id = Number(await one('SELECT id FROM region WHERE code = ?', [code]));
    // A union that already has the federation's code is an ordinary union: the federation gets a free code.
    let unionCode = `${code}-FED`;
    for (let n = 2; await one('SELECT id FROM trade_union WHERE code = ?', [unionCode]); n++) unionCode = `${code}-FED${n}`;
    await q.query('INSERT INTO trade_union (code, name, city, regionId, createdAt) VALUES (?, ?, ?, ?, ?)', [unionCode, federation, name, id, now]);
    await q.query('UPDATE region SET federationUnionId = ? WHERE id = ?', [Number(await one('SELECT id FROM trade_union WHERE code = ?', [unionCode])), id]);
    regionOf.set(norm(name), id);
  };
  for (const [code, name, federation] of STANDARD_REGIONS) await addRegion(code, name, federation);
  const unions = (await q.query('SELECT id, city FROM trade_union WHERE regionId IS NULL ORDER BY id')) as Array<{ id: number; city: string }>;
  let n = 0;
  for (const union of unions) {
    if (!regionOf.has(norm(union.city))) await addRegion(`R${++n}`, union.city.trim(), `${union.city.trim()}总工会`);
    await q.query('UPDATE trade_union SET regionId = ? WHERE id = ?', [regionOf.get(norm(union.city)), union.id]);
  }
  await q.query('UPDATE base SET regionId = ? WHERE regionId IS NULL', [regionOf.get(norm('云浮'))]);
  // A PARTNER acted for a union; they now act for that union's region (one without a union has none, and is refused until an admin sets it).
  await q.query("UPDATE app_user SET regionId = (SELECT regionId FROM trade_union u WHERE u.id = app_user.unionId) WHERE role = 'PARTNER' AND regionId IS NULL");
  await q.query('UPDATE batch SET unionRegionId = (SELECT regionId FROM trade_union u WHERE u.id = batch.unionId) WHERE unionRegionId IS NULL');
  await q.query('UPDATE batch SET baseRegionId = (SELECT regionId FROM base s WHERE s.id = batch.baseId) WHERE baseRegionId IS NULL');
}
