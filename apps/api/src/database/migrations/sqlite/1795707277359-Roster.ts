import { MigrationInterface, QueryRunner } from "typeorm";

export class Roster1795707277359 implements MigrationInterface {
    name = 'Roster1795707277359'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "participant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "name" varchar(50) NOT NULL, "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "documentType" varchar CHECK( "documentType" IN ('MAINLAND_ID','HOME_RETURN_PERMIT','TAIWAN_PERMIT','PASSPORT') ) NOT NULL, "idNumberCipher" varchar(120) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phoneCipher" varchar(120) NOT NULL, "phoneMasked" varchar(16) NOT NULL, "employer" varchar(100) NOT NULL, "category" varchar CHECK( "category" IN ('MODEL_WORKER','FRONTLINE_WORKER','OTHER') ) NOT NULL, "dietaryNeeds" varchar(200), "room" varchar(20), "createdById" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_participant_person" ON "participant" ("idNumberHash") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_participant_batch_person" ON "participant" ("batchId", "idNumberHash") `);
        await queryRunner.query(`CREATE TABLE "personal_data_access" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "actorId" integer, "actorUsername" varchar(100) NOT NULL, "actorRole" varchar(20) NOT NULL, "batchId" integer NOT NULL, "participantCount" integer NOT NULL, "fields" varchar(40) NOT NULL, "channel" varchar CHECK( "channel" IN ('GRAPHQL','EXPORT') ) NOT NULL, "requestId" varchar(64) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_pda_actor" ON "personal_data_access" ("actorId", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_pda_batch" ON "personal_data_access" ("batchId", "id") `);
        await queryRunner.query(`DROP INDEX "uq_base_code"`);
        await queryRunner.query(`CREATE TABLE "temporary_base" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "county" varchar(50) NOT NULL, "address" varchar(200), "description" varchar(1000), "isDemo" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "rosterCutoffDays" integer NOT NULL DEFAULT (3))`);
        await queryRunner.query(`INSERT INTO "temporary_base"("id", "code", "name", "county", "address", "description", "isDemo", "createdAt") SELECT "id", "code", "name", "county", "address", "description", "isDemo", "createdAt" FROM "base"`);
        await queryRunner.query(`DROP TABLE "base"`);
        await queryRunner.query(`ALTER TABLE "temporary_base" RENAME TO "base"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_base_code" ON "base" ("code") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_base_code"`);
        await queryRunner.query(`ALTER TABLE "base" RENAME TO "temporary_base"`);
        await queryRunner.query(`CREATE TABLE "base" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "county" varchar(50) NOT NULL, "address" varchar(200), "description" varchar(1000), "isDemo" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "base"("id", "code", "name", "county", "address", "description", "isDemo", "createdAt") SELECT "id", "code", "name", "county", "address", "description", "isDemo", "createdAt" FROM "temporary_base"`);
        await queryRunner.query(`DROP TABLE "temporary_base"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_base_code" ON "base" ("code") `);
        await queryRunner.query(`DROP INDEX "idx_pda_batch"`);
        await queryRunner.query(`DROP INDEX "idx_pda_actor"`);
        await queryRunner.query(`DROP TABLE "personal_data_access"`);
        await queryRunner.query(`DROP INDEX "uq_participant_batch_person"`);
        await queryRunner.query(`DROP INDEX "idx_participant_person"`);
        await queryRunner.query(`DROP TABLE "participant"`);
    }

}
