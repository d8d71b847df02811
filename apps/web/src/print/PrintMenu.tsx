import { PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PRINT_SHEETS } from './print-sheets';

/** The workspace's print button: the page itself (print layout, no menus) or one of the office's sheets. */
export function PrintMenu(props: { caseNumber: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'page', label: t('print.thisPage') },
          ...PRINT_SHEETS.map((sheet) => ({ key: sheet, label: t(`print.title.${sheet}`) })),
        ],
        onClick: ({ key }) => {
          if (key === 'page') window.print();
          else navigate(`/cases/${encodeURIComponent(props.caseNumber)}/print/${key}`);
        },
      }}
    >
      <Button icon={<PrinterOutlined />} className="no-print" data-testid="print-menu">
        {t('print.print')}
      </Button>
    </Dropdown>
  );
}
