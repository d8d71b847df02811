import { Space, Tag } from 'antd';

/** Short texts (topics, evidence references) as a wrapping row of tags. */
export function TagList(props: { values: readonly string[]; color?: string }) {
  return (
    <Space wrap size={4}>
      {props.values.map((value) => (
        <Tag key={value} color={props.color}>
          {value}
        </Tag>
      ))}
    </Space>
  );
}
