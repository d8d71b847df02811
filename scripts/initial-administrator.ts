import { createDataSource, type DatabaseUrls } from '../libs/persistence/src';
import { ensureInitialAdministrator } from '../libs/persistence/src/auth';

/** On the first start only: the administrator's one-time password, to be changed at first login (with TOTP enrolment). */
export async function announceInitialAdministrator(
  urls: DatabaseUrls,
  say: (line: string) => void,
): Promise<void> {
  const owner = await createDataSource({ url: urls.ownerUrl, poolSize: 1 }).initialize();
  try {
    const admin = await ensureInitialAdministrator(owner);
    if (admin) {
      say(
        `初始管理员 / initial administrator: ${admin.username}  初始密码 / one-time password: ${admin.password}`,
      );
      say(
        '  首次登录须修改密码并绑定动态验证码 / change it and enrol TOTP at first login; it is shown only this once',
      );
    }
  } finally {
    await owner.destroy();
  }
}
