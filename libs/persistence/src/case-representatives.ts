import { type EntityManager } from 'typeorm';
import { DEFAULT_ID_TYPE, normalizeIdNumber } from '../../domain/src/intake/identity-document';
import { type PersonalDataProtector } from './personal-data';

/** The representatives of a collective visit as registration names them, in order. */
export interface RepresentativesToStore {
  representatives: readonly { name: string; idType?: string; idNumber?: string; phone?: string }[];
}

/** A representative as stored: document number and phone encrypted, like the petitioner's. */
export interface StoredRepresentative {
  position: number;
  name: string;
  idType: string | null;
  idNumberEnc: string | null;
  phoneEnc: string | null;
}

/**
 * The representatives of a collective visit, linked to the case, numbered from 1 in the order given.
 * No blind index: a representative is never looked up across cases.
 */
export async function storeRepresentatives(
  tx: EntityManager,
  protector: PersonalDataProtector,
  caseNumber: string,
  collective: RepresentativesToStore,
): Promise<void> {
  for (const [index, person] of collective.representatives.entries()) {
    await tx.query(
      `INSERT INTO case_representatives (case_number, position, name, id_type, id_number_enc, phone_enc)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        caseNumber,
        index + 1,
        person.name,
        person.idNumber ? (person.idType ?? DEFAULT_ID_TYPE) : null,
        person.idNumber ? protector.encrypt(normalizeIdNumber(person.idNumber)) : null,
        person.phone ? protector.encrypt(person.phone) : null,
      ],
    );
  }
}

export async function loadRepresentatives(
  manager: Pick<EntityManager, 'query'>,
  caseNumber: string,
): Promise<StoredRepresentative[]> {
  const rows: {
    position: number;
    name: string;
    id_type: string | null;
    id_number_enc: string | null;
    phone_enc: string | null;
  }[] = await manager.query(
    `SELECT position, name, id_type, id_number_enc, phone_enc FROM case_representatives
     WHERE case_number = $1 ORDER BY position`,
    [caseNumber],
  );
  return rows.map((row) => ({
    position: row.position,
    name: row.name,
    idType: row.id_type,
    idNumberEnc: row.id_number_enc,
    phoneEnc: row.phone_enc,
  }));
}

/** The positions of the case's representatives, in order (the workflow refers to them by position). */
export async function listRepresentativePositions(
  db: Pick<EntityManager, 'query'>,
  caseNumber: string,
): Promise<number[]> {
  const rows: { position: number }[] = await db.query(
    `SELECT position FROM case_representatives WHERE case_number = $1 ORDER BY position`,
    [caseNumber],
  );
  return rows.map((row) => row.position);
}
