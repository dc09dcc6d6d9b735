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
  const regionOf = new Map<string, number>();
  const addRegion = async (code: string, name: string, federation: string) => {
    await q.query('INSERT INTO region (code, name, federationUnionId, createdAt) VALUES (?, ?, 0, ?)', [code, name, now]);
    const [{ id }] = (await q.query('SELECT id FROM region WHERE code = ?', [code])) as Array<{ id: number }>;
    const existing = (await q.query('SELECT id FROM trade_union WHERE code = ?', [`${code}-FED`])) as Array<{ id: number }>;
    if (!existing.length) await q.query('INSERT INTO trade_union (code, name, city, regionId, createdAt) VALUES (?, ?, ?, ?, ?)', [`${code}-FED`, federation, name, id, now]);
    const [{ id: unionId }] = (await q.query('SELECT id FROM trade_union WHERE code = ?', [`${code}-FED`])) as Array<{ id: number }>;
    await q.query('UPDATE region SET federationUnionId = ? WHERE id = ?', [unionId, id]);
    regionOf.set(name, Number(id));
  };
  for (const [code, name, federation] of STANDARD_REGIONS) await addRegion(code, name, federation);
  const cities = (await q.query('SELECT DISTINCT city FROM trade_union WHERE regionId IS NULL')) as Array<{ city: string }>;
  let n = 0;
  for (const { city } of cities) {
    const known = regionOf.get(city) ?? regionOf.get(city.replace(/市$/, ''));
    if (known === undefined) await addRegion(`R${++n}`, city, `${city}总工会`);
  }
  for (const { city } of cities) {
    const regionId = regionOf.get(city) ?? regionOf.get(city.replace(/市$/, ''));
    await q.query('UPDATE trade_union SET regionId = ? WHERE regionId IS NULL AND city = ?', [regionId, city]);
  }
  await q.query('UPDATE base SET regionId = ? WHERE regionId IS NULL', [regionOf.get('云浮')]);
  // A PARTNER acted for a union; they now act for that union's region.
  await q.query("UPDATE app_user SET regionId = (SELECT regionId FROM trade_union u WHERE u.id = app_user.unionId) WHERE role = 'PARTNER' AND regionId IS NULL");
  await q.query('UPDATE batch SET unionRegionId = (SELECT regionId FROM trade_union u WHERE u.id = batch.unionId) WHERE unionRegionId IS NULL');
  await q.query('UPDATE batch SET baseRegionId = (SELECT regionId FROM base s WHERE s.id = batch.baseId) WHERE baseRegionId IS NULL');
}
