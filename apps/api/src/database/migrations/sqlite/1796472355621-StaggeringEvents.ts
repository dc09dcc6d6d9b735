import { MigrationInterface, QueryRunner } from "typeorm";

export class StaggeringEvents1796472355621 implements MigrationInterface {
    name = 'StaggeringEvents1796472355621'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staggering_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(20) NOT NULL, "cause" varchar(10), "baseId" integer NOT NULL, "unionId" integer NOT NULL, "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "batchId" integer, "startDate" date NOT NULL, "movedTo" date, "headcount" integer NOT NULL, "at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_staggering_period" ON "staggering_event" ("startDate", "baseId", "kind") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_staggering_period"`);
        await queryRunner.query(`DROP TABLE "staggering_event"`);
    }

}
