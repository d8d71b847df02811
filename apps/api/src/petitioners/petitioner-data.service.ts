import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maskAddress, maskIdNumber, maskPhone } from '../../../../libs/domain/src/intake/masking';
import {
  CaseSubmissionEntity,
  loadRepresentatives,
  PersonalDataProtector,
  recordPersonalDataReveal,
} from '../../../../libs/persistence/src';
import { type StaffSession } from '../auth/staff-session';
import { CaseAccess } from '../cases/case-access.service';
import { ApiError } from '../http/api-error';

export interface RepresentativeView {
  name: string;
  idType: string | null;
  idNumber: string | null;
  phone: string | null;
}

export interface PetitionerView {
  name: string;
  idType: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  /** A collective visit: its headcount and representatives (masked or revealed like the petitioner). */
  collective: { headcount: number; representatives: RepresentativeView[] } | null;
}

/** The petitioner as staff see them: masked by default, revealed only with a permission and a reason. */
@Injectable()
export class PetitionerDataService {
  constructor(
    private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly protector: PersonalDataProtector,
  ) {}

  async masked(caseNumber: string, user: StaffSession): Promise<PetitionerView> {
    await this.access.visibleCase(caseNumber, user, 'petitioner');
    const plain = await this.plain(caseNumber);
    const maskPerson = <T extends { idNumber: string | null; phone: string | null }>(person: T): T => ({
      ...person,
      idNumber: person.idNumber && maskIdNumber(person.idNumber),
      phone: person.phone && maskPhone(person.phone),
    });
    return {
      ...maskPerson(plain),
      address: plain.address && maskAddress(plain.address),
      collective: plain.collective && {
        headcount: plain.collective.headcount,
        representatives: plain.collective.representatives.map(maskPerson),
      },
    };
  }

  /** Decrypts only after the reveal is recorded in the append-only access audit. */
  async reveal(
    caseNumber: string,
    user: StaffSession,
    reason: string,
    clientAddress: string | undefined,
  ): Promise<PetitionerView> {
    await this.access.visibleCase(caseNumber, user);
    await recordPersonalDataReveal(this.db, { userId: user.userId, caseNumber, reason, clientAddress });
    return this.plain(caseNumber);
  }

  private async plain(caseNumber: string): Promise<PetitionerView> {
    const submission = await this.db.manager.findOne(CaseSubmissionEntity, { where: { caseNumber } });
    if (!submission) throw new ApiError('CASE_NOT_FOUND', `案件不存在 / case ${caseNumber} not found`);
    const open = (value: string | null) => (value ? this.protector.decrypt(value) : null);
    const representatives =
      submission.collectiveHeadcount === null ? [] : await loadRepresentatives(this.db.manager, caseNumber);
    return {
      name: submission.petitionerName,
      idType: submission.petitionerIdType,
      idNumber: open(submission.petitionerIdNumberEnc),
      phone: open(submission.petitionerPhoneEnc),
      address: open(submission.petitionerAddressEnc),
      collective:
        submission.collectiveHeadcount === null
          ? null
          : {
              headcount: submission.collectiveHeadcount,
              representatives: representatives.map((person) => ({
                name: person.name,
                idType: person.idType,
                idNumber: open(person.idNumberEnc),
                phone: open(person.phoneEnc),
              })),
            },
    };
  }
}
