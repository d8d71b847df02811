import { unitTree } from './unit-tree';

describe('unit tree', () => {
  it('nests units under their parents and keeps orphans as roots', () => {
    const tree = unitTree([
      { code: 'QX', name: '区信访局', parentCode: null },
      { code: 'QX-DH', name: '东湖街道', parentCode: 'QX' },
      { code: 'QX-DH-01', name: '一村', parentCode: 'QX-DH' },
      { code: 'OTHER', name: '外单位', parentCode: 'NOT-LISTED' },
    ]);
    expect(tree.map((node) => node.value)).toEqual(['QX', 'OTHER']);
    expect(tree[0].children[0].value).toBe('QX-DH');
    expect(tree[0].children[0].children[0]).toEqual({
      value: 'QX-DH-01',
      title: '一村 (QX-DH-01)',
      children: [],
    });
  });
});
