import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, bodyOf } from '../api/client';
import { ApiFailure } from '../api/errors';
import type { IssuedSession, LoginStep, PasswordChanged } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { type LoginScreen, nextLoginScreen, otpauthSecret, refusalText } from './login-flow';
import { useSession } from './session';

type Answer = IssuedSession | LoginStep | PasswordChanged;

/** Password, then whatever the API asks next: TOTP code, forced password change, TOTP enrolment. */
export function LoginPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [screen, setScreen] = useState<LoginScreen>({ step: 'password' });
  const [failure, setFailure] = useState<{ title: string; rules: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  async function advance(call: Promise<Answer>) {
    setBusy(true);
    setFailure(null);
    try {
      const next = nextLoginScreen(await call);
      if (next.step === 'done') signIn(next.accessToken);
      else setScreen(next);
    } catch (error) {
      setFailure(error instanceof ApiFailure ? refusalText(error) : { title: t('state.error'), rules: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <Card
        className="login-card"
        title={<Typography.Title level={4}>{t('app.title')}</Typography.Title>}
        extra={<LanguageSwitch />}
      >
        {failure && (
          <Alert
            type="error"
            showIcon
            title={failure.title}
            description={
              failure.rules.length > 0 && (
                <ul className="field-problems" data-testid="broken-rules">
                  {failure.rules.map((rule) => (
                    <li key={rule}>{rule}</li>
                  ))}
                </ul>
              )
            }
            className="form-alert"
          />
        )}
        {screen.step === 'password' && (
          <Form
            layout="vertical"
            name="login"
            onFinish={(values: { username: string; password: string }) =>
              advance(bodyOf<Answer>(api.POST('/api/auth/login', { body: values })))
            }
          >
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.signIn')}
            </Button>
          </Form>
        )}
        {screen.step === 'totp' && (
          <CodeForm
            key="totp"
            hint={t('login.totpHint')}
            busy={busy}
            onCode={(code) =>
              advance(
                bodyOf<Answer>(api.POST('/api/auth/totp', { body: { challenge: screen.challenge, code } })),
              )
            }
          />
        )}
        {screen.step === 'changePassword' && (
          <Form
            layout="vertical"
            name="changePassword"
            onFinish={(values: { newPassword: string }) =>
              advance(
                bodyOf<Answer>(
                  api.POST('/api/auth/password', {
                    body: { challenge: screen.challenge, newPassword: values.newPassword },
                  }),
                ),
              )
            }
          >
            <Typography.Paragraph>{t('login.changePasswordHint')}</Typography.Paragraph>
            <Form.Item name="newPassword" label={t('login.newPassword')} rules={[{ required: true }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirmPassword"
              label={t('login.confirmPassword')}
              dependencies={['newPassword']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value === getFieldValue('newPassword')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('login.passwordsDiffer'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.setPassword')}
            </Button>
          </Form>
        )}
        {screen.step === 'enrol' && (
          <Space orientation="vertical" size="middle" className="full-width">
            <Typography.Paragraph>{t('login.enrolHint')}</Typography.Paragraph>
            <div className="qr-code" data-testid="enrol-qr">
              <QRCodeSVG value={screen.otpauthUri} size={180} marginSize={2} />
            </div>
            <Typography.Text copyable={{ text: otpauthSecret(screen.otpauthUri) ?? '' }}>
              {t('login.secret')}: <code>{otpauthSecret(screen.otpauthUri)}</code>
            </Typography.Text>
            <CodeForm
              key="enrol"
              hint={t('login.enrolCodeHint')}
              busy={busy}
              onCode={(code) =>
                advance(
                  bodyOf<Answer>(
                    api.POST('/api/auth/enrol', { body: { challenge: screen.challenge, code } }),
                  ),
                )
              }
            />
          </Space>
        )}
      </Card>
    </div>
  );
}

function CodeForm(props: { hint: string; busy: boolean; onCode(code: string): void }) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" name="totp" onFinish={(values: { code: string }) => props.onCode(values.code)}>
      <Form.Item
        name="code"
        label={props.hint}
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.codeFormat') }]}
      >
        <Input.OTP length={6} autoFocus />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={props.busy}>
        {t('login.verify')}
      </Button>
    </Form>
  );
}
