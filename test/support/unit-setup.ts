import { ensureNoticeFont } from '../../libs/notices/src/notice-font';

/** Unit tests render notices with the pinned font: install it once here, before parallel workers could race for it. */
export default function unitSetup(): void {
  ensureNoticeFont({});
}
