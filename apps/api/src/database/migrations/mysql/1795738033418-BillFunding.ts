import { MigrationInterface, QueryRunner } from "typeorm";

export class BillFunding1795738033418 implements MigrationInterface {
    name = 'BillFunding1795738033418'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`bill\` ADD \`capPerPersonPerDay\` bigint NULL`);
        await queryRunner.query(`ALTER TABLE \`bill\` ADD \`stayDays\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`bill\` ADD \`selfPaidPerPerson\` bigint NOT NULL DEFAULT '0'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`bill\` DROP COLUMN \`selfPaidPerPerson\``);
        await queryRunner.query(`ALTER TABLE \`bill\` DROP COLUMN \`stayDays\``);
        await queryRunner.query(`ALTER TABLE \`bill\` DROP COLUMN \`capPerPersonPerDay\``);
    }

}
