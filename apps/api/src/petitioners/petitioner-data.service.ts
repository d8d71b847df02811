import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maskAddress, maskIdNumber, maskPhone } from '../../../../libs/domain/src/intake/masking';
import { CaseSubmissionEntity, PersonalDataProtector } from '../../../../libs/persistence/src';
import { canSeeCase } from '../actions/case-access';
import { type Principal } from '../auth/principal';
import { CasesService } from '../cases/cases.service';
import { ApiError } from '../http/api-error';

export interface PetitionerView {
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

/** Roles that may see a petitioner's personal data in full, always with a stated reason that is recorded. */
export const REVEAL_ROLES = ['clerk', 'handler', 'unitLeader'];

/** The petitioner as staff see them: masked by default, revealed only with a permission and a reason. */
@Injectable()
export class PetitionerDataService {
  constructor(
    private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly protector: PersonalDataProtector,
  ) {}

  async masked(caseNumber: string, user: Principal): Promise<PetitionerView> {
    await this.visibleCase(caseNumber, user);
    const plain = await this.plain(caseNumber);
    return {
      name: plain.name,
      idNumber: plain.idNumber && maskIdNumber(plain.idNumber),
      phone: plain.phone && maskPhone(plain.phone),
      address: plain.address && maskAddress(plain.address),
    };
  }

  /** Decrypts only after the reveal is recorded in the append-only access audit. */
  async reveal(
    caseNumber: string,
    user: Principal,
    reason: string,
    clientAddress: string | undefined,
  ): Promise<PetitionerView> {
    if (!user.roles.some((role) => REVEAL_ROLES.includes(role))) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'REVEAL_NOT_ALLOWED',
        '无权查看完整个人信息 / your roles may not reveal personal data',
      );
    }
    await this.visibleCase(caseNumber, user);
    await this.db.query(
      `INSERT INTO access_audit (user_id, action, case_number, reason, client_address) VALUES ($1, 'revealPersonalData', $2, $3, $4)`,
      [user.userId, caseNumber, reason, clientAddress ?? null],
    );
    return this.plain(caseNumber);
  }

  /** A case outside the caller's scope answers as if it did not exist. */
  private async visibleCase(caseNumber: string, user: Principal): Promise<void> {
    const found = await this.cases.findCase(caseNumber);
    if (!(await canSeeCase(this.db.manager, user, found))) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'CASE_NOT_FOUND', `案件不存在 / case ${caseNumber} not found`);
    }
  }

  private async plain(caseNumber: string): Promise<PetitionerView> {
    const submission = await this.db.manager.findOne(CaseSubmissionEntity, { where: { caseNumber } });
    if (!submission)
      throw new ApiError(HttpStatus.NOT_FOUND, 'CASE_NOT_FOUND', `案件不存在 / case ${caseNumber} not found`);
    const open = (value: string | null) => (value ? this.protector.decrypt(value) : null);
    return {
      name: submission.petitionerName,
      idNumber: open(submission.petitionerIdNumberEnc),
      phone: open(submission.petitionerPhoneEnc),
      address: open(submission.petitionerAddressEnc),
    };
  }
}
