import { createDataSource, type DatabaseUrls } from '../libs/persistence/src';
import { ensureInitialAdministrator } from '../libs/persistence/src/auth';

/**
 * On the first start only: the administrator's one-time password, to be changed at first login (with
 * TOTP enrolment). Returned as framed lines for the launcher to print last, once everything is up, so
 * no later log line pushes it out of sight; none when the administrator already exists.
 */
export async function prepareInitialAdministrator(urls: DatabaseUrls): Promise<string[]> {
  const owner = await createDataSource({ url: urls.ownerUrl, poolSize: 1 }).initialize();
  try {
    const admin = await ensureInitialAdministrator(owner);
    if (!admin) return [];
    return framed([
      `初始管理员 / initial administrator: ${admin.username}  初始密码 / one-time password: ${admin.password}`,
      '首次登录须修改密码并绑定动态验证码 / change it and enrol TOTP at first login; it is shown only this once',
    ]);
  } finally {
    await owner.destroy();
  }
}

/** Lines inside a box of '=' rules, so the eye finds them in a terminal. */
export function framed(lines: readonly string[]): string[] {
  const rule = '='.repeat(78);
  return [rule, ...lines.map((line) => `  ${line}`), rule];
}
