import { MigrationInterface, QueryRunner } from "typeorm";
import { seedHolidays2026, unseedHolidays2026 } from "../holidays-cn.js";

export class WorkingCalendar1796401306038 implements MigrationInterface {
    name = 'WorkingCalendar1796401306038'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`holiday\` ADD \`kind\` enum ('HOLIDAY', 'MAKEUP_WORKDAY') NOT NULL DEFAULT 'HOLIDAY'`);
        // The 2026 calendar as published; days already present (the admin's, the demo's) are kept.
        await seedHolidays2026(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await unseedHolidays2026(queryRunner);
        await queryRunner.query(`ALTER TABLE \`holiday\` DROP COLUMN \`kind\``);
    }

}
