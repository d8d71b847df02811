import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api/errors';

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch(): unknown;
}

/** Loading, error (with retry) and empty states around a query's content. */
export function PageState(props: {
  query: QueryLike;
  empty?: boolean;
  emptyText?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (props.query.isPending) {
    return (
      <div className="page-state" data-testid="loading">
        <Spin description={t('state.loading')} />
      </div>
    );
  }
  if (props.query.isError) {
    const error = props.query.error;
    return (
      <Alert
        type="error"
        showIcon
        title={t('state.error')}
        description={error instanceof ApiFailure ? `${error.message} (${error.code})` : String(error)}
        action={<Button onClick={() => void props.query.refetch()}>{t('state.retry')}</Button>}
      />
    );
  }
  if (props.empty) return <Empty description={props.emptyText ?? t('state.empty')} />;
  return <>{props.children}</>;
}

export function errorText(error: unknown): string {
  return error instanceof ApiFailure ? error.message : String(error);
}
