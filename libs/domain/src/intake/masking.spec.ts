import { maskAddress, maskIdNumber, maskPhone } from './masking';

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
});
