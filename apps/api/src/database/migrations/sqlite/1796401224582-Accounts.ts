import { MigrationInterface, QueryRunner } from "typeorm";

export class Accounts1796401224582 implements MigrationInterface {
    name = 'Accounts1796401224582'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_user_username"`);
        await queryRunner.query(`CREATE TABLE "temporary_app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(50) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar CHECK( "role" IN ('ADMIN','BASE_OPERATOR','UNION_ORGANISER','UNION_APPROVER','PARTNER') ) NOT NULL, "baseId" integer, "unionId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "regionId" integer, "active" boolean NOT NULL DEFAULT (1), "tokenVersion" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "temporary_app_user"("id", "username", "passwordHash", "role", "baseId", "unionId", "createdAt", "regionId") SELECT "id", "username", "passwordHash", "role", "baseId", "unionId", "createdAt", "regionId" FROM "app_user"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
        await queryRunner.query(`ALTER TABLE "temporary_app_user" RENAME TO "app_user"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username" ON "app_user" ("username") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_user_username"`);
        await queryRunner.query(`ALTER TABLE "app_user" RENAME TO "temporary_app_user"`);
        await queryRunner.query(`CREATE TABLE "app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(50) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar CHECK( "role" IN ('ADMIN','BASE_OPERATOR','UNION_ORGANISER','UNION_APPROVER','PARTNER') ) NOT NULL, "baseId" integer, "unionId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "regionId" integer)`);
        await queryRunner.query(`INSERT INTO "app_user"("id", "username", "passwordHash", "role", "baseId", "unionId", "createdAt", "regionId") SELECT "id", "username", "passwordHash", "role", "baseId", "unionId", "createdAt", "regionId" FROM "temporary_app_user"`);
        await queryRunner.query(`DROP TABLE "temporary_app_user"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username" ON "app_user" ("username") `);
    }

}
