import { MigrationInterface, QueryRunner } from "typeorm";

export class UnionPolicy1795737800895 implements MigrationInterface {
    name = 'UnionPolicy1795737800895'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "union_policy" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "unionId" integer NOT NULL, "effectiveFrom" date NOT NULL, "capPerPersonPerDay" bigint NOT NULL, "maxDaysPerTrip" integer NOT NULL, "maxDaysPerYear" integer NOT NULL, "capPerPersonPerYear" bigint, "insuranceMinimum" bigint NOT NULL, "publicationRequired" boolean NOT NULL, "publicationWorkingDays" integer NOT NULL, "createdById" integer, "createdAt" datetime)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_union_policy_version" ON "union_policy" ("unionId", "effectiveFrom") `);
        await queryRunner.query(`DROP INDEX "uq_user_username"`);
        await queryRunner.query(`CREATE TABLE "temporary_app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(50) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar CHECK( "role" IN ('ADMIN','BASE_OPERATOR','UNION_ORGANISER','UNION_APPROVER','PARTNER') ) NOT NULL, "baseId" integer, "unionId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "regionId" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_app_user"("id", "username", "passwordHash", "role", "baseId", "unionId", "createdAt", "regionId") SELECT "id", "username", "passwordHash", "role", "baseId", "unionId", "createdAt", "regionId" FROM "app_user"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
        await queryRunner.query(`ALTER TABLE "temporary_app_user" RENAME TO "app_user"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username" ON "app_user" ("username") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_user_username"`);
        await queryRunner.query(`ALTER TABLE "app_user" RENAME TO "temporary_app_user"`);
        await queryRunner.query(`CREATE TABLE "app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(50) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar CHECK( "role" IN ('ADMIN','BASE_OPERATOR','UNION_ORGANISER','PARTNER') ) NOT NULL, "baseId" integer, "unionId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "regionId" integer)`);
        await queryRunner.query(`INSERT INTO "app_user"("id", "username", "passwordHash", "role", "baseId", "unionId", "createdAt", "regionId") SELECT "id", "username", "passwordHash", "role", "baseId", "unionId", "createdAt", "regionId" FROM "temporary_app_user"`);
        await queryRunner.query(`DROP TABLE "temporary_app_user"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username" ON "app_user" ("username") `);
        await queryRunner.query(`DROP INDEX "uq_union_policy_version"`);
        await queryRunner.query(`DROP TABLE "union_policy"`);
    }

}
