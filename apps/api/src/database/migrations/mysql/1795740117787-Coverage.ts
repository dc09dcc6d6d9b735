import { MigrationInterface, QueryRunner } from "typeorm";

export class Coverage1795740117787 implements MigrationInterface {
    name = 'Coverage1795740117787'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`trade_union\` ADD \`memberCount\` int NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`trade_union\` DROP COLUMN \`memberCount\``);
    }

}
