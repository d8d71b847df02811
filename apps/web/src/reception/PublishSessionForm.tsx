import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, bodyOf } from '../api/client';
import type { ReceptionSession } from '../api/types';
import { hasAnyRole, useSession } from '../auth/session';
import { StaffSelect } from '../common/StaffSelect';
import { UnitTreeSelect } from '../common/UnitTreeSelect';
import { officeTodayDay } from '../common/office-time';
import { FormRefusal, useApiForm } from '../common/use-api-form';

interface PublishValues {
  unitCode?: string;
  leaderUserId: string;
  date: Dayjs;
  place: string;
  topics: string[];
}

const RECEPTION_LEADER_ROLES = ['unitLeader', 'packageLeader'] as const;
const FIELDS = ['unitCode', 'leaderUserId', 'date', 'place', 'topics'];

/**
 * Publishing a reception day for the user's unit or one below it: the receiving leader (a unit or
 * package leader in the unit's line, the user by default when they are one), the day, place and topics.
 */
export function PublishSessionForm(props: { onDone(session: ReceptionSession): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const { formProps, refusal, clearRefusal, onError, reset } = useApiForm<PublishValues>(FIELDS);
  const isLeader = hasAnyRole(me, RECEPTION_LEADER_ROLES);

  const publish = useMutation({
    mutationFn: (values: PublishValues) =>
      bodyOf<ReceptionSession>(
        api.POST('/api/reception-sessions', {
          body: {
            ...(values.unitCode ? { unitCode: values.unitCode } : {}),
            leaderUserId: values.leaderUserId.trim(),
            date: values.date.format('YYYY-MM-DD'),
            place: values.place,
            topics: values.topics,
          },
        }),
      ),
    onSuccess: async (session) => {
      reset();
      await queryClient.invalidateQueries({ queryKey: ['reception-sessions'] });
      props.onDone(session);
    },
    onError,
  });

  return (
    <Form<PublishValues>
      {...formProps}
      name="publish-session"
      layout="vertical"
      initialValues={{ unitCode: me?.unitCode, leaderUserId: isLeader ? me?.userId : undefined }}
      onFinish={(values) => {
        if (publish.isPending) return;
        clearRefusal();
        publish.mutate(values);
      }}
    >
      <FormRefusal text={refusal} />
      <Form.Item name="unitCode" label={t('reception.unit')} rules={[{ required: true }]}>
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item
        name="leaderUserId"
        label={t('reception.leaderUserId')}
        extra={t('reception.leaderHint')}
        rules={[{ required: true, whitespace: true }]}
      >
        <StaffSelect roles={RECEPTION_LEADER_ROLES} />
      </Form.Item>
      <Form.Item name="date" label={t('reception.date')} rules={[{ required: true }]}>
        <DatePicker className="full-width" disabledDate={(day) => day.isBefore(officeTodayDay())} />
      </Form.Item>
      <Form.Item
        name="place"
        label={t('reception.place')}
        rules={[{ required: true, whitespace: true, max: 200 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="topics"
        label={t('reception.topics')}
        extra={t('reception.topicsHint')}
        rules={[{ required: true, type: 'array', min: 1, max: 20 }]}
      >
        <Select mode="tags" tokenSeparators={[',', '，']} open={false} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={publish.isPending}>
        {t('reception.publish')}
      </Button>
    </Form>
  );
}
