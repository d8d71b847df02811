import { Alert, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiFailure, type FieldError } from '../api/errors';

/** The problems to show under a document editor: the API's field errors, or its message alone. */
export function documentProblems(error: unknown): { message: string; fields: FieldError[] } | null {
  if (!error) return null;
  if (error instanceof ApiFailure)
    return { message: `${error.message} (${error.code})`, fields: error.fields };
  return { message: error instanceof Error ? error.message : String(error), fields: [] };
}

/** Parses the editor's text; a syntax error is reported like the API's malformed request, at the document. */
export function parseJsonDocument(text: string, field: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch (error) {
    throw new ApiFailure(400, 'BAD_REQUEST', (error as Error).message, [
      { field, code: 'FIELD_INVALID', message: (error as Error).message },
    ]);
  }
  throw new ApiFailure(400, 'BAD_REQUEST', 'JSON object expected', [
    { field, code: 'FIELD_INVALID', message: '须为 JSON 对象 / must be a JSON object' },
  ]);
}

/** A JSON document in a plain text area, with the problems found in it listed underneath, field by field. */
export function JsonDocumentEditor(props: {
  value: string;
  onChange: (text: string) => void;
  problems: { message: string; fields: FieldError[] } | null;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { problems } = props;
  return (
    <>
      <Input.TextArea
        aria-label={props.label}
        data-testid={props.testId}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        autoSize={{ minRows: 12, maxRows: 28 }}
        spellCheck={false}
        className="json-editor"
      />
      {problems && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          data-testid={`${props.testId}-problems`}
          title={
            problems.fields.length > 0
              ? t('admin.documentProblems', { count: problems.fields.length })
              : problems.message
          }
          description={
            problems.fields.length > 0 ? (
              <ul className="field-problems">
                {problems.fields.map((field, index) => (
                  <li key={index}>
                    <code>{field.field}</code> {field.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </>
  );
}
