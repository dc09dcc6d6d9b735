import { MigrationInterface, QueryRunner } from "typeorm";

export class RosterWorkflow1795739535887 implements MigrationInterface {
    name = 'RosterWorkflow1795739535887'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`holiday\` (\`date\` date NOT NULL, \`name\` varchar(50) NOT NULL, PRIMARY KEY (\`date\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`roster_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`batchId\` int NOT NULL, \`from\` enum ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'CLEARED') NOT NULL, \`to\` enum ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'CLEARED') NOT NULL, \`actor\` varchar(50) NOT NULL, \`actorId\` int NULL, \`reason\` varchar(500) NULL, \`at\` datetime NOT NULL, INDEX \`idx_roster_event_batch\` (\`batchId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`rosterStatus\` enum ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'CLEARED') NOT NULL DEFAULT 'DRAFT'`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`rosterToken\` varchar(64) NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`rosterPublishedOn\` date NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`rosterClearsOn\` date NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX \`uq_batch_roster_token\` ON \`batch\` (\`rosterToken\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`uq_batch_roster_token\` ON \`batch\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`rosterClearsOn\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`rosterPublishedOn\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`rosterToken\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`rosterStatus\``);
        await queryRunner.query(`DROP INDEX \`idx_roster_event_batch\` ON \`roster_event\``);
        await queryRunner.query(`DROP TABLE \`roster_event\``);
        await queryRunner.query(`DROP TABLE \`holiday\``);
    }

}
