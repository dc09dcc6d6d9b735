import { MigrationInterface, QueryRunner } from "typeorm";
import { seedHolidays2026, unseedHolidays2026 } from "../holidays-cn.js";

export class WorkingCalendar1796401288456 implements MigrationInterface {
    name = 'WorkingCalendar1796401288456'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "temporary_holiday" ("date" date PRIMARY KEY NOT NULL, "name" varchar(50) NOT NULL, "kind" varchar CHECK( "kind" IN ('HOLIDAY','MAKEUP_WORKDAY') ) NOT NULL DEFAULT ('HOLIDAY'))`);
        await queryRunner.query(`INSERT INTO "temporary_holiday"("date", "name") SELECT "date", "name" FROM "holiday"`);
        await queryRunner.query(`DROP TABLE "holiday"`);
        await queryRunner.query(`ALTER TABLE "temporary_holiday" RENAME TO "holiday"`);
        // The 2026 calendar as published; days already present (the admin's, the demo's) are kept.
        await seedHolidays2026(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await unseedHolidays2026(queryRunner);
        await queryRunner.query(`ALTER TABLE "holiday" RENAME TO "temporary_holiday"`);
        await queryRunner.query(`CREATE TABLE "holiday" ("date" date PRIMARY KEY NOT NULL, "name" varchar(50) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "holiday"("date", "name") SELECT "date", "name" FROM "temporary_holiday"`);
        await queryRunner.query(`DROP TABLE "temporary_holiday"`);
    }

}
