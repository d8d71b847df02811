/**
 * Every column that holds a value sealed with the payload key ring (`v1:<key ID>:<base64>`), by table and
 * primary key: what a key rotation re-seals. A unit test checks the migrations add no other.
 */
export interface SealedColumns {
  table: string;
  key: string[];
  columns: string[];
}

export const SEALED_COLUMNS: readonly SealedColumns[] = [
  {
    table: 'case_submissions',
    key: ['case_number'],
    columns: ['petitioner_id_number_enc', 'petitioner_phone_enc', 'petitioner_address_enc'],
  },
  {
    table: 'case_representatives',
    key: ['case_number', 'position'],
    columns: ['id_number_enc', 'phone_enc'],
  },
  { table: 'case_query_codes', key: ['case_number'], columns: ['code_enc'] },
  { table: 'credentials', key: ['user_id'], columns: ['totp_secret_enc'] },
  { table: 'auth_challenges', key: ['token_hash'], columns: ['pending_totp_secret_enc'] },
  { table: 'case_attachments', key: ['id'], columns: ['sealed_content'] },
];
