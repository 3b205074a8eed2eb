import { extent, linearScale, niceDomain, niceTicks, riskColour, sigmoid } from './scale';

describe('chart scales', () => {
  it('maps a domain onto a range linearly', () => {
    const scale = linearScale([0, 10], [100, 200]);
    expect(scale(0)).toBe(100);
    expect(scale(5)).toBe(150);
    expect(scale(10)).toBe(200);
  });

  it('widens an empty or flat extent so a scale always has room', () => {
    expect(extent([])).toEqual([0, 1]);
    expect(extent([3, 3])).toEqual([2, 4]);
    expect(extent([4, -1, 2])).toEqual([-1, 4]);
  });

  it('picks round ticks', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-0.7, 1.3, 4)).toEqual([-0.5, 0, 0.5, 1]);
    expect(niceDomain(0.03, 0.97)).toEqual([0, 1]);
  });

  it('turns log-odds into probabilities', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(Math.log(0.25 / 0.75))).toBeCloseTo(0.25);
  });

  it('colours low risk blue, the midpoint grey and high risk red', () => {
    expect(riskColour(0)).toBe('rgb(33, 102, 172)');
    expect(riskColour(0.1, 0.1)).toBe('rgb(200, 200, 200)');
    expect(riskColour(1)).toBe('rgb(202, 0, 32)');
  });
});
