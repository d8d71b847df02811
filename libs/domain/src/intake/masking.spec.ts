import { maskAddress, maskIdNumber, maskPersonName, maskPhone } from './masking';

describe('masking personal data', () => {
  it('keeps the region code and the last four characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('keeps the carrier prefix and the last four digits of a phone', () => {
    expect(maskPhone('139-1234-5678')).toBe('139****5678');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('keeps only the beginning of an address', () => {
    expect(maskAddress('示例区东湖镇幸福路8号')).toBe('示例区***');
    expect(maskAddress('某村')).toBe('某***');
  });

  it('keeps only the first character of a name, for the queue rows', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName(' 欧阳娜娜 ')).toBe('欧***');
    expect(maskPersonName('𠀋一')).toBe('𠀋*'); // a character outside the BMP counts once
    expect(maskPersonName('王')).toBe('*');
  });
});
