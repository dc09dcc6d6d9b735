import { MigrationInterface, QueryRunner } from "typeorm";

export class Coverage1795740111259 implements MigrationInterface {
    name = 'Coverage1795740111259'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_union_region"`);
        await queryRunner.query(`DROP INDEX "uq_union_code"`);
        await queryRunner.query(`CREATE TABLE "temporary_trade_union" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "city" varchar(50) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "regionId" integer, "memberCount" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_trade_union"("id", "code", "name", "city", "createdAt", "regionId") SELECT "id", "code", "name", "city", "createdAt", "regionId" FROM "trade_union"`);
        await queryRunner.query(`DROP TABLE "trade_union"`);
        await queryRunner.query(`ALTER TABLE "temporary_trade_union" RENAME TO "trade_union"`);
        await queryRunner.query(`CREATE INDEX "idx_union_region" ON "trade_union" ("regionId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_union_code" ON "trade_union" ("code") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_union_code"`);
        await queryRunner.query(`DROP INDEX "idx_union_region"`);
        await queryRunner.query(`ALTER TABLE "trade_union" RENAME TO "temporary_trade_union"`);
        await queryRunner.query(`CREATE TABLE "trade_union" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "city" varchar(50) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "regionId" integer)`);
        await queryRunner.query(`INSERT INTO "trade_union"("id", "code", "name", "city", "createdAt", "regionId") SELECT "id", "code", "name", "city", "createdAt", "regionId" FROM "temporary_trade_union"`);
        await queryRunner.query(`DROP TABLE "temporary_trade_union"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_union_code" ON "trade_union" ("code") `);
        await queryRunner.query(`CREATE INDEX "idx_union_region" ON "trade_union" ("regionId") `);
    }

}
