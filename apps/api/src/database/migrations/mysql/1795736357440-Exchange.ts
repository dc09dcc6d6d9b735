import { MigrationInterface, QueryRunner } from "typeorm";
import { seedRegions } from "../regions.js";

export class Exchange1795736357440 implements MigrationInterface {
    name = 'Exchange1795736357440'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`allotment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`agreementId\` int NOT NULL, \`baseId\` int NOT NULL, \`guestRegionId\` int NOT NULL, \`fromNight\` date NOT NULL, \`toNight\` date NOT NULL, \`beds\` int NOT NULL, \`releaseDays\` int NOT NULL, \`createdById\` int NULL, \`createdAt\` datetime NOT NULL, INDEX \`idx_allotment_agreement_base\` (\`agreementId\`, \`baseId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`allotment_night\` (\`allotmentId\` int NOT NULL, \`night\` date NOT NULL, \`baseId\` int NOT NULL, \`beds\` int NOT NULL, \`used\` int NOT NULL DEFAULT '0', \`released\` tinyint NOT NULL DEFAULT 0, \`releaseOn\` date NOT NULL, INDEX \`idx_allotment_night_base\` (\`baseId\`, \`night\`), INDEX \`idx_allotment_night_release\` (\`released\`, \`releaseOn\`), PRIMARY KEY (\`allotmentId\`, \`night\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`allotment_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`allotmentId\` int NOT NULL, \`action\` varchar(16) NOT NULL, \`fromNight\` date NOT NULL, \`toNight\` date NOT NULL, \`bedNights\` int NOT NULL, \`actorName\` varchar(50) NOT NULL, \`actorId\` int NULL, \`reason\` varchar(500) NULL, \`at\` datetime NOT NULL, INDEX \`idx_allotment_event\` (\`allotmentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`region\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(16) NOT NULL, \`name\` varchar(50) NOT NULL, \`federationUnionId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_region_code\` (\`code\`), UNIQUE INDEX \`uq_region_name\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`agreement\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(200) NOT NULL, \`proposerRegionId\` int NOT NULL, \`partnerRegionId\` int NOT NULL, \`fromDate\` date NOT NULL, \`toDate\` date NOT NULL, \`status\` enum ('PROPOSED', 'ACTIVE', 'DECLINED', 'TERMINATED', 'EXPIRED') NOT NULL, \`createdById\` int NULL, \`createdAt\` datetime NOT NULL, \`updatedAt\` datetime NOT NULL, INDEX \`idx_agreement_status_to\` (\`status\`, \`toDate\`), INDEX \`idx_agreement_partner\` (\`partnerRegionId\`, \`status\`), INDEX \`idx_agreement_proposer\` (\`proposerRegionId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`agreement_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`agreementId\` int NOT NULL, \`from\` enum ('PROPOSED', 'ACTIVE', 'DECLINED', 'TERMINATED', 'EXPIRED') NULL, \`to\` enum ('PROPOSED', 'ACTIVE', 'DECLINED', 'TERMINATED', 'EXPIRED') NOT NULL, \`actor\` varchar(50) NOT NULL, \`actorId\` int NULL, \`reason\` varchar(500) NULL, \`at\` datetime NOT NULL, INDEX \`idx_agreement_event\` (\`agreementId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`agreement_quota\` (\`agreementId\` int NOT NULL, \`fromRegionId\` int NOT NULL, \`year\` int NOT NULL, \`yearStart\` date NOT NULL, \`yearEnd\` date NOT NULL, \`personVisits\` int NOT NULL, \`used\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`agreementId\`, \`fromRegionId\`, \`year\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`agreement_benefit\` (\`agreementId\` int NOT NULL, \`hostRegionId\` int NOT NULL, \`type\` enum ('NONE', 'VOUCHER_PER_PERSON', 'DISCOUNT_PERCENT') NOT NULL, \`amount\` bigint NOT NULL, PRIMARY KEY (\`agreementId\`, \`hostRegionId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`app_user\` ADD \`regionId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`base\` ADD \`regionId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`capacity_night\` ADD \`allottedBeds\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`trade_union\` ADD \`regionId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`bill_line\` ADD \`batchId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`bill\` ADD \`agreementId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`bill\` ADD \`unionRegionId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`bill\` ADD \`baseRegionId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`unionRegionId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`baseRegionId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`agreementId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`bedSource\` enum ('GENERAL', 'ALLOTMENT') NOT NULL DEFAULT 'GENERAL'`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`allotmentId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`benefitType\` enum ('NONE', 'VOUCHER_PER_PERSON', 'DISCOUNT_PERCENT') NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`benefitAmount\` bigint NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`benefitPerPerson\` bigint NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`bill_line\` CHANGE \`kind\` \`kind\` enum ('PACKAGE', 'CONSUMPTION', 'CANCELLATION_FEE', 'VOUCHER', 'SUBSIDY') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`bill\` CHANGE \`batchId\` \`batchId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`bill\` CHANGE \`kind\` \`kind\` enum ('STAY', 'CANCELLATION_FEE', 'SUBSIDY_CLAIM') NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`idx_base_region\` ON \`base\` (\`regionId\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_union_region\` ON \`trade_union\` (\`regionId\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_bill_line_batch\` ON \`bill_line\` (\`batchId\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_batch_agreement\` ON \`batch\` (\`agreementId\`, \`startDate\`)`);
        // TypeORM does not generate CHECK constraints for MySQL; they are the database's last word on the counters.
        await queryRunner.query(`ALTER TABLE \`capacity_night\` ADD CONSTRAINT \`chk_capacity_allotted\` CHECK (\`allottedBeds\` >= 0 AND \`allottedBeds\` <= \`reservedBeds\`)`);
        await queryRunner.query(`ALTER TABLE \`allotment_night\` ADD CONSTRAINT \`chk_allotment_night_beds\` CHECK (\`used\` >= 0 AND \`used\` <= \`beds\`)`);
        await queryRunner.query(`ALTER TABLE \`agreement_quota\` ADD CONSTRAINT \`chk_agreement_quota\` CHECK (\`used\` >= 0 AND \`used\` <= \`personVisits\`)`);
        await seedRegions(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`capacity_night\` DROP CONSTRAINT \`chk_capacity_allotted\``);
        await queryRunner.query(`DROP INDEX \`idx_batch_agreement\` ON \`batch\``);
        await queryRunner.query(`DROP INDEX \`idx_bill_line_batch\` ON \`bill_line\``);
        await queryRunner.query(`DROP INDEX \`idx_union_region\` ON \`trade_union\``);
        await queryRunner.query(`DROP INDEX \`idx_base_region\` ON \`base\``);
        await queryRunner.query(`ALTER TABLE \`bill\` CHANGE \`kind\` \`kind\` enum ('STAY', 'CANCELLATION_FEE') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`bill\` CHANGE \`batchId\` \`batchId\` int NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`bill_line\` CHANGE \`kind\` \`kind\` enum ('PACKAGE', 'CONSUMPTION', 'CANCELLATION_FEE') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`benefitPerPerson\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`benefitAmount\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`benefitType\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`allotmentId\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`bedSource\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`agreementId\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`baseRegionId\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`unionRegionId\``);
        await queryRunner.query(`ALTER TABLE \`bill\` DROP COLUMN \`baseRegionId\``);
        await queryRunner.query(`ALTER TABLE \`bill\` DROP COLUMN \`unionRegionId\``);
        await queryRunner.query(`ALTER TABLE \`bill\` DROP COLUMN \`agreementId\``);
        await queryRunner.query(`ALTER TABLE \`bill_line\` DROP COLUMN \`batchId\``);
        await queryRunner.query(`ALTER TABLE \`trade_union\` DROP COLUMN \`regionId\``);
        await queryRunner.query(`ALTER TABLE \`capacity_night\` DROP COLUMN \`allottedBeds\``);
        await queryRunner.query(`ALTER TABLE \`base\` DROP COLUMN \`regionId\``);
        await queryRunner.query(`ALTER TABLE \`app_user\` DROP COLUMN \`regionId\``);
        await queryRunner.query(`DROP TABLE \`agreement_benefit\``);
        await queryRunner.query(`DROP TABLE \`agreement_quota\``);
        await queryRunner.query(`DROP INDEX \`idx_agreement_event\` ON \`agreement_event\``);
        await queryRunner.query(`DROP TABLE \`agreement_event\``);
        await queryRunner.query(`DROP INDEX \`idx_agreement_proposer\` ON \`agreement\``);
        await queryRunner.query(`DROP INDEX \`idx_agreement_partner\` ON \`agreement\``);
        await queryRunner.query(`DROP INDEX \`idx_agreement_status_to\` ON \`agreement\``);
        await queryRunner.query(`DROP TABLE \`agreement\``);
        await queryRunner.query(`DROP INDEX \`uq_region_name\` ON \`region\``);
        await queryRunner.query(`DROP INDEX \`uq_region_code\` ON \`region\``);
        await queryRunner.query(`DROP TABLE \`region\``);
        await queryRunner.query(`DROP INDEX \`idx_allotment_event\` ON \`allotment_event\``);
        await queryRunner.query(`DROP TABLE \`allotment_event\``);
        await queryRunner.query(`DROP INDEX \`idx_allotment_night_release\` ON \`allotment_night\``);
        await queryRunner.query(`DROP INDEX \`idx_allotment_night_base\` ON \`allotment_night\``);
        await queryRunner.query(`DROP TABLE \`allotment_night\``);
        await queryRunner.query(`DROP INDEX \`idx_allotment_agreement_base\` ON \`allotment\``);
        await queryRunner.query(`DROP TABLE \`allotment\``);
    }

}
