import { MigrationInterface, QueryRunner } from "typeorm";

export class RosterOwnRows1796395774870 implements MigrationInterface {
    name = 'RosterOwnRows1796395774870'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`uq_batch_roster_token\` ON \`batch\``);
        await queryRunner.query(`CREATE TABLE \`insurance\` (\`batchId\` int NOT NULL, \`insurer\` varchar(100) NOT NULL, \`policyNumber\` varchar(64) NOT NULL, \`sumInsured\` bigint NOT NULL, \`recordedAt\` datetime NOT NULL, \`recordedById\` int NULL, PRIMARY KEY (\`batchId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`roster\` (\`batchId\` int NOT NULL, \`status\` enum ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'CLEARED') NOT NULL DEFAULT 'DRAFT', \`token\` varchar(64) NULL, \`publishedOn\` date NULL, \`clearsOn\` date NULL, \`updatedAt\` datetime NOT NULL, UNIQUE INDEX \`uq_roster_token\` (\`token\`), INDEX \`idx_roster_status_clears\` (\`status\`, \`clearsOn\`), PRIMARY KEY (\`batchId\`)) ENGINE=InnoDB`);
        // The rows that differ from a batch with no row (a DRAFT list, not insured) move off the batch.
        await queryRunner.query(`INSERT INTO \`roster\` (\`batchId\`, \`status\`, \`token\`, \`publishedOn\`, \`clearsOn\`, \`updatedAt\`) SELECT \`id\`, \`rosterStatus\`, \`rosterToken\`, \`rosterPublishedOn\`, \`rosterClearsOn\`, \`updatedAt\` FROM \`batch\` WHERE \`rosterStatus\` <> 'DRAFT' OR \`rosterToken\` IS NOT NULL`);
        await queryRunner.query(`INSERT INTO \`insurance\` (\`batchId\`, \`insurer\`, \`policyNumber\`, \`sumInsured\`, \`recordedAt\`, \`recordedById\`) SELECT \`id\`, \`insurer\`, \`insurancePolicyNumber\`, \`sumInsured\`, \`updatedAt\`, NULL FROM \`batch\` WHERE \`insurer\` IS NOT NULL AND \`insurancePolicyNumber\` IS NOT NULL AND \`sumInsured\` IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`insurer\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`insurancePolicyNumber\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`sumInsured\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`rosterStatus\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`rosterToken\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`rosterPublishedOn\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`rosterClearsOn\``);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`rosterClearsOn\` date NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`rosterPublishedOn\` date NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`rosterToken\` varchar(64) NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`rosterStatus\` enum ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'CLEARED') NOT NULL DEFAULT 'DRAFT'`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`sumInsured\` bigint NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`insurancePolicyNumber\` varchar(64) NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`insurer\` varchar(100) NULL`);
        // Back onto the batch before the rows go.
        await queryRunner.query(`UPDATE \`batch\` SET \`rosterStatus\` = COALESCE((SELECT \`r\`.\`status\` FROM \`roster\` \`r\` WHERE \`r\`.\`batchId\` = \`batch\`.\`id\`), 'DRAFT'), \`rosterToken\` = (SELECT \`r\`.\`token\` FROM \`roster\` \`r\` WHERE \`r\`.\`batchId\` = \`batch\`.\`id\`), \`rosterPublishedOn\` = (SELECT \`r\`.\`publishedOn\` FROM \`roster\` \`r\` WHERE \`r\`.\`batchId\` = \`batch\`.\`id\`), \`rosterClearsOn\` = (SELECT \`r\`.\`clearsOn\` FROM \`roster\` \`r\` WHERE \`r\`.\`batchId\` = \`batch\`.\`id\`)`);
        await queryRunner.query(`UPDATE \`batch\` SET \`insurer\` = (SELECT \`i\`.\`insurer\` FROM \`insurance\` \`i\` WHERE \`i\`.\`batchId\` = \`batch\`.\`id\`), \`insurancePolicyNumber\` = (SELECT \`i\`.\`policyNumber\` FROM \`insurance\` \`i\` WHERE \`i\`.\`batchId\` = \`batch\`.\`id\`), \`sumInsured\` = (SELECT \`i\`.\`sumInsured\` FROM \`insurance\` \`i\` WHERE \`i\`.\`batchId\` = \`batch\`.\`id\`)`);
        await queryRunner.query(`DROP INDEX \`idx_roster_status_clears\` ON \`roster\``);
        await queryRunner.query(`DROP INDEX \`uq_roster_token\` ON \`roster\``);
        await queryRunner.query(`DROP TABLE \`roster\``);
        await queryRunner.query(`DROP TABLE \`insurance\``);
        await queryRunner.query(`CREATE UNIQUE INDEX \`uq_batch_roster_token\` ON \`batch\` (\`rosterToken\`)`);
    }

}
