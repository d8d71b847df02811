import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Language, LANGUAGES } from './index';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      value={i18n.language as Language}
      options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      onChange={(language) => void i18n.changeLanguage(language)}
    />
  );
}
