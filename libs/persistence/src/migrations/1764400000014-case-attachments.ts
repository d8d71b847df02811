import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Files attached to a case (letters, photos, evidence of a duty performed), sealed with the payload key
 * ring like petitioners' personal data. Insert-and-read only: an attachment once stored is never
 * replaced; the same content uploaded again to the same case is the same attachment.
 */
export class CaseAttachments1764400000014 implements MigrationInterface {
  name = 'CaseAttachments1764400000014';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_number varchar(64) NOT NULL REFERENCES case_submissions (case_number),
        file_name varchar(255) NOT NULL,
        content_type varchar(128) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        sealed_content text NOT NULL,
        uploaded_by varchar(64) NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_number, sha256)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_attachments`);
  }
}
