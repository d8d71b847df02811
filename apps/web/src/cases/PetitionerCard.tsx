import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { api, bodyOf } from '../api/client';
import type { PetitionerView } from '../api/types';
import { hasAnyRole, useSession } from '../auth/session';

/**
 * The petitioner on the workspace: masked as the API gives it by default; revealed in full only by a
 * user with the permission, who names a reason that the API records in the access audit first.
 */
export function PetitionerCard(props: { caseNumber: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const path = { params: { path: { caseNumber: props.caseNumber } } };
  const masked = useQuery({
    queryKey: ['case', props.caseNumber, 'petitioner'],
    queryFn: () => bodyOf<PetitionerView>(api.GET('/api/cases/{caseNumber}/petitioner', path)),
  });
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const reveal = useMutation({
    mutationFn: (why: string) =>
      bodyOf<PetitionerView>(
        api.POST('/api/cases/{caseNumber}/petitioner/reveal', { ...path, body: { reason: why } }),
      ),
    onSuccess: () => setAsking(false),
  });
  const shown = reveal.data ?? masked.data;
  if (!shown) return null;
  const mayReveal = hasAnyRole(me, PERMISSION_ROLES.revealPersonalData);
  return (
    <Card
      title={t('petitioner.title')}
      data-testid="petitioner"
      extra={
        reveal.data ? (
          <Tag color="orange">{t('petitioner.revealed')}</Tag>
        ) : (
          <>
            <Tag>{t('petitioner.masked')}</Tag>
            {mayReveal && (
              <Button size="small" onClick={() => setAsking(true)}>
                {t('petitioner.reveal')}
              </Button>
            )}
          </>
        )
      }
    >
      <Descriptions
        column={4}
        items={[
          { key: 'name', label: t('petitioner.name'), children: shown.name },
          { key: 'idNumber', label: t('petitioner.idNumber'), children: shown.idNumber ?? '—' },
          { key: 'phone', label: t('petitioner.phone'), children: shown.phone ?? '—' },
          { key: 'address', label: t('petitioner.address'), children: shown.address ?? '—' },
          ...(shown.collective
            ? [
                {
                  key: 'representatives',
                  label: t('petitioner.representatives'),
                  span: 4,
                  children: shown.collective.representatives
                    .map((person) => [person.name, person.idNumber, person.phone].filter(Boolean).join(' '))
                    .join('；'),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={asking}
        title={t('petitioner.revealTitle')}
        okButtonProps={{ disabled: reason.trim().length < 4, loading: reveal.isPending }}
        onOk={() => reveal.mutate(reason.trim())}
        onCancel={() => setAsking(false)}
      >
        <Input.TextArea
          aria-label={t('petitioner.reason')}
          placeholder={t('petitioner.reasonPlaceholder')}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
        {reveal.error && <Alert type="error" message={String(reveal.error.message)} />}
      </Modal>
    </Card>
  );
}
